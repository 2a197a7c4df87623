<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no appointment {appointment_id}.</source>
      <comment>copay_cli.no_appointment</comment>
      <translation>لا يوجد موعد رقم {appointment_id}.</translation>
    </message>
  </context>
</TS>
