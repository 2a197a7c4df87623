<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This database already has a clinic ({name}, code {code}), set up from another workstation. Sign in with an account of that clinic.</source>
      <comment>onboarding.database_already_clinic_code</comment>
      <translation>قاعدة البيانات هذه تحتوي بالفعل على عيادة ({name}، الرمز {code}) أُعدّت من محطة عمل أخرى. سجّل الدخول بحساب تابع لتلك العيادة.</translation>
    </message>
  </context>
</TS>
