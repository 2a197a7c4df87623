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
      <source>Busy</source>
      <translation>قيد العمل</translation>
    </message>
  </context>
</TS>
