<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{used} of {total}</source>
      <translation>{used} من {total}</translation>
    </message>
    <message>
      <source>Used this year: {used} of {total} · {remaining} left</source>
      <translation>المستخدم هذا العام: {used} من {total} · المتبقي {remaining}</translation>
    </message>
    <message>
      <source>Used this year: {used} of {total}</source>
      <translation>المستخدم هذا العام: {used} من {total}</translation>
    </message>
  </context>
</TS>
