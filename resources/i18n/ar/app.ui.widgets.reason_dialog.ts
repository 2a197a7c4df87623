<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Reason (required) — it is kept in the audit log</source>
      <translation>السبب (مطلوب) — يُحفظ في سجل التدقيق</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>موافق</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>A reason is required.</source>
      <translation>يجب إدخال السبب.</translation>
    </message>
  </context>
</TS>
