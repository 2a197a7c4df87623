<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This computer has no usable password store (keyring), so {what} could not be saved ({name}).</source>
      <comment>keyring_store.computer_usable_password_store</comment>
      <translation>لا يوجد على هذا الكمبيوتر مخزن كلمات مرور (keyring) صالح للاستخدام، لذا تعذّر حفظ {what} ({name}).</translation>
    </message>
    <message>
      <source>{what} could not be removed from the keyring ({name}).</source>
      <comment>keyring_store.not_removed</comment>
      <translation>تعذّرت إزالة {what} من مخزن كلمات المرور ({name}).</translation>
    </message>
  </context>
</TS>
