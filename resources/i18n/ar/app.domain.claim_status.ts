<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Hold until primary received</source>
      <translation>معلّقة حتى استلام رد التأمين الأساسي</translation>
    </message>
    <message>
      <source>Unsent</source>
      <translation>غير مُرسلة</translation>
    </message>
    <message>
      <source>Hold for in process</source>
      <translation>معلّقة قيد المعالجة</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>مُرسلة</translation>
    </message>
    <message>
      <source>Waiting in queue</source>
      <translation>في قائمة الانتظار</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>مستلمة</translation>
    </message>
  </context>
</TS>
