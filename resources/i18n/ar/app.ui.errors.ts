<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Something went wrong that ClinicDesk did not expect. Nothing was saved from the last action. Details are below; please tell your administrator.</source>
      <translation>حدث خطأ لم يتوقعه ClinicDesk. لم يُحفظ شيء من الإجراء الأخير. التفاصيل أدناه؛ يُرجى إبلاغ المسؤول.</translation>
    </message>
  </context>
</TS>
