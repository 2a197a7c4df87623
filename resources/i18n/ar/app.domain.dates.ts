<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{field} must be a calendar date.</source>
      <comment>dates.field_calendar_date</comment>
      <translation>يجب أن يكون {field} تاريخًا صحيحًا.</translation>
    </message>
    <message>
      <source>{field} must be between {first} and {last}.</source>
      <comment>dates.field_between_first_day</comment>
      <translation>يجب أن يكون {field} بين {first} و{last}.</translation>
    </message>
  </context>
</TS>
