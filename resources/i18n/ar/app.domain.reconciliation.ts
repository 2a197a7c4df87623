<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Overpaid</source>
      <translation>مدفوع بالزيادة</translation>
    </message>
    <message>
      <source>Underpaid</source>
      <translation>مدفوع بالنقص</translation>
    </message>
    <message>
      <source>Exact</source>
      <translation>مطابق</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>قيد الانتظار</translation>
    </message>
  </context>
</TS>
