<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>ClinicDesk — Locked</source>
      <translation>ClinicDesk — مقفل</translation>
    </message>
    <message>
      <source>ClinicDesk — Sign in</source>
      <translation>ClinicDesk — تسجيل الدخول</translation>
    </message>
    <message>
      <source>Session locked</source>
      <translation>الجلسة مقفلة</translation>
    </message>
    <message>
      <source>Front desk and billing</source>
      <translation>الاستقبال والفوترة</translation>
    </message>
    <message>
      <source>Locked. {user}, enter your password.</source>
      <translation>مقفل. {user}، أدخل كلمة المرور.</translation>
    </message>
    <message>
      <source>Locked after 1 minute without activity. {user}, enter your password.</source>
      <translation>أُقفل بعد دقيقة واحدة دون نشاط. {user}، أدخل كلمة المرور.</translation>
    </message>
    <message>
      <source>Locked after {minutes} minutes without activity. {user}, enter your password.</source>
      <translation>أُقفل بعد {minutes} دقيقة دون نشاط. {user}، أدخل كلمة المرور.</translation>
    </message>
    <message>
      <source>username</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>اللغة</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>تسجيل الدخول</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>إلغاء القفل</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>إعادة المحاولة</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>تسجيل الخروج</translation>
    </message>
    <message>
      <source>Starting the database…</source>
      <translation>جارٍ تشغيل قاعدة البيانات…</translation>
    </message>
    <message>
      <source>Signing in…</source>
      <translation>جارٍ تسجيل الدخول…</translation>
    </message>
  </context>
</TS>
