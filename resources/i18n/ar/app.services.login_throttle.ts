<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Wrong username or password.</source>
      <comment>login_throttle.wrong</comment>
      <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
    </message>
    <message>
      <source>Wrong username or password. After too many wrong attempts, wait {duration} before trying again.</source>
      <comment>login_throttle.wrong_wait</comment>
      <translation>اسم المستخدم أو كلمة المرور غير صحيحة. بعد محاولات خاطئة كثيرة، انتظر {duration} قبل المحاولة مجددًا.</translation>
    </message>
    <message>
      <source>Too many wrong attempts for this username: wait {duration} before trying again. An administrator can also reset the password.</source>
      <comment>login_throttle.locked_wait</comment>
      <translation>محاولات خاطئة كثيرة لاسم المستخدم هذا: انتظر {duration} قبل المحاولة مجددًا. يمكن للمسؤول أيضًا إعادة تعيين كلمة المرور.</translation>
    </message>
    <message>
      <source>{n} seconds</source>
      <comment>login_throttle.seconds</comment>
      <translation>{n} ثانية</translation>
    </message>
    <message>
      <source>{n} minutes</source>
      <comment>login_throttle.minutes</comment>
      <translation>{n} دقيقة</translation>
    </message>
  </context>
</TS>
