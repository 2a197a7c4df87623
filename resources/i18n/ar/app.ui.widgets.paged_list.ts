<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Loading…</source>
      <translation>جارٍ التحميل…</translation>
    </message>
    <message>
      <source>‹ Previous</source>
      <translation>السابق ›</translation>
    </message>
    <message>
      <source>Next ›</source>
      <translation>‹ التالي</translation>
    </message>
    <message>
      <source>Page {number}</source>
      <translation>الصفحة {number}</translation>
    </message>
  </context>
</TS>
