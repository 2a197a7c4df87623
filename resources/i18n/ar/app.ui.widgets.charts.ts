<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Nothing to show.</source>
      <translation>لا يوجد ما يُعرض.</translation>
    </message>
    <message>
      <source>Bar chart</source>
      <translation>مخطط أعمدة</translation>
    </message>
    <message>
      <source>{category}
{series}: {value}
Click for the rows</source>
      <translation>{category}
{series}: {value}
انقر لعرض الصفوف</translation>
    </message>
  </context>
</TS>
