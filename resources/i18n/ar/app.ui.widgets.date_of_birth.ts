<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>unknown — type dd/mm/yyyy</source>
      <translation>غير معروف — اكتب يوم/شهر/سنة</translation>
    </message>
    <message>
      <source>Day first: 15031990, 15/03/1990, 15-03-1990 or 15.03.1990. Leave it empty if the date of birth is unknown.</source>
      <translation>اليوم أولاً: 15031990 أو 15/03/1990 أو 15-03-1990 أو 15.03.1990. اتركه فارغاً إذا كان تاريخ الميلاد غير معروف.</translation>
    </message>
    <message>
      <source>Choose from a calendar</source>
      <translation>الاختيار من التقويم</translation>
    </message>
    <message>
      <source>Choose the date from a calendar</source>
      <translation>اختر التاريخ من التقويم</translation>
    </message>
    <message>
      <source>Date of birth calendar</source>
      <translation>تقويم تاريخ الميلاد</translation>
    </message>
  </context>
</TS>
