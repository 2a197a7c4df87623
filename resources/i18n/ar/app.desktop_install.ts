<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The embedded database in {folder} is running: close ClinicDesk on this computer first, then purge.</source>
      <comment>desktop_install.server_running</comment>
      <translation>قاعدة البيانات المدمجة في {folder} قيد التشغيل: أغلق ClinicDesk على هذا الجهاز أولاً، ثم احذف البيانات.</translation>
    </message>
    <message>
      <source>ClinicDesk is not installed for this user (no {manifest}).</source>
      <comment>desktop_install.not_installed</comment>
      <translation>ClinicDesk غير مثبت لهذا المستخدم (لا يوجد {manifest}).</translation>
    </message>
  </context>
</TS>
