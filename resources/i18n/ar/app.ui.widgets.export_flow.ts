<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Export CSV</source>
      <translation>تصدير CSV</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
  </context>
</TS>
