<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>ClinicDesk — {title}</source>
      <translation>ClinicDesk — {title}</translation>
    </message>
  </context>
</TS>
