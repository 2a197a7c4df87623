<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The interface language must be English or Arabic.</source>
      <comment>auth.unknown_language</comment>
      <translation>يجب أن تكون لغة الواجهة الإنجليزية أو العربية.</translation>
    </message>
    <message>
      <source>Enter your username and password.</source>
      <comment>auth.enter_username_password</comment>
      <translation>أدخل اسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
      <source>A password has at most {limit} characters.</source>
      <comment>auth.password_most_characters</comment>
      <translation>لا تتجاوز كلمة المرور {limit} حرفًا.</translation>
    </message>
    <message>
      <source>That is not a session id.</source>
      <comment>auth.not_session_id</comment>
      <translation>هذا ليس معرّف جلسة.</translation>
    </message>
    <message>
      <source>There is no such session at this hospital.</source>
      <comment>auth.no_such_session_hospital</comment>
      <translation>لا توجد جلسة كهذه في هذا المستشفى.</translation>
    </message>
    <message>
      <source>The password must be text of at most {limit} characters.</source>
      <comment>auth.password_must_text_most</comment>
      <translation>يجب أن تكون كلمة المرور نصًا لا يتجاوز {limit} حرفًا.</translation>
    </message>
    <message>
      <source>The password must have at least 8 characters.</source>
      <comment>auth.password_must_least_characters</comment>
      <translation>يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.</translation>
    </message>
    <message>
      <source>Username and full name are required.</source>
      <comment>auth.username_full_name_required</comment>
      <translation>اسم المستخدم والاسم الكامل مطلوبان.</translation>
    </message>
    <message>
      <source>There is no hospital with code {hospital_code}.</source>
      <comment>auth.no_hospital_code</comment>
      <translation>لا يوجد مستشفى بالرمز {hospital_code}.</translation>
    </message>
    <message>
      <source>The username {username} is taken.</source>
      <comment>auth.username_taken</comment>
      <translation>اسم المستخدم {username} مستخدم بالفعل.</translation>
    </message>
  </context>
</TS>
