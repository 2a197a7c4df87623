<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The interface language must be English or Arabic.</source>
      <extracomment>unknown_language</extracomment>
      <translation>يجب أن تكون لغة الواجهة الإنجليزية أو العربية.</translation>
    </message>
    <message>
      <source>Enter your username and password.</source>
      <extracomment>enter_username_password</extracomment>
      <translation>أدخل اسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
      <source>A password has at most {limit} characters.</source>
      <extracomment>password_most_characters</extracomment>
      <translation>لا تتجاوز كلمة المرور {limit} حرفًا.</translation>
    </message>
    <message>
      <source>That is not a session id.</source>
      <extracomment>not_session_id</extracomment>
      <translation>هذا ليس معرّف جلسة.</translation>
    </message>
    <message>
      <source>There is no such session at this hospital.</source>
      <extracomment>no_such_session_hospital</extracomment>
      <translation>لا توجد جلسة كهذه في هذا المستشفى.</translation>
    </message>
    <message>
      <source>The password must be text of at most {limit} characters.</source>
      <extracomment>password_must_text_most</extracomment>
      <translation>يجب أن تكون كلمة المرور نصًا لا يتجاوز {limit} حرفًا.</translation>
    </message>
    <message>
      <source>The password must have at least 8 characters.</source>
      <extracomment>password_must_least_characters</extracomment>
      <translation>يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.</translation>
    </message>
    <message>
      <source>Username and full name are required.</source>
      <extracomment>username_full_name_required</extracomment>
      <translation>اسم المستخدم والاسم الكامل مطلوبان.</translation>
    </message>
    <message>
      <source>There is no hospital with code {hospital_code}.</source>
      <extracomment>no_hospital_code</extracomment>
      <translation>لا يوجد مستشفى بالرمز {hospital_code}.</translation>
    </message>
    <message>
      <source>The username {username} is taken.</source>
      <extracomment>username_taken</extracomment>
      <translation>اسم المستخدم {username} مستخدم بالفعل.</translation>
    </message>
  </context>
</TS>
