<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Copay collected and patient checked in — token #{token}.</source>
      <translation>تم تحصيل المبلغ المستحق على المريض وتسجيل وصوله — الرقم #{token}.</translation>
    </message>
  </context>
</TS>
