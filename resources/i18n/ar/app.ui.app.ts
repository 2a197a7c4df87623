<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Your clinic is ready. Sign in as {username}.</source>
      <translation>عيادتك جاهزة. سجّل الدخول باسم {username}.</translation>
    </message>
    <message>
      <source>The clinic was set up on another workstation; sign in with an account of that clinic.</source>
      <translation>تم إعداد العيادة على محطة عمل أخرى؛ سجّل الدخول بحساب تابع لتلك العيادة.</translation>
    </message>
  </context>
</TS>
