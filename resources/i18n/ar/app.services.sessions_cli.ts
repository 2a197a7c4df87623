<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no hospital with code {hospital_code}.</source>
      <comment>sessions_cli.no_hospital_code</comment>
      <translation>لا يوجد مستشفى بالرمز {hospital_code}.</translation>
    </message>
  </context>
</TS>
