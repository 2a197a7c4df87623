<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Every shortcut of ClinicDesk. Pages your role may not open do nothing when their key is pressed.</source>
      <translation>جميع اختصارات ClinicDesk. الصفحات التي لا يسمح بها دورك لا تستجيب عند الضغط على مفتاحها.</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>المفاتيح</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>الوظيفة</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>المكان</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
  </context>
</TS>
