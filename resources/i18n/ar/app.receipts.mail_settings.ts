<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>the mail password</source>
      <comment>mail_settings.what_password</comment>
      <translation>كلمة مرور البريد</translation>
    </message>
    <message>
      <source>Enter and save the mail server user name first: the password is stored for that user name.</source>
      <comment>mail_settings.enter_save_mail_server</comment>
      <translation>أدخل اسم مستخدم خادم البريد واحفظه أولًا: تُحفظ كلمة المرور لاسم المستخدم هذا.</translation>
    </message>
    <message>
      <source>Email is not set up on this system: an administrator enters the mail server in Settings. Print the receipt or save the PDF instead.</source>
      <comment>mail_settings.email_not_set_up</comment>
      <translation>البريد الإلكتروني غير مُعدّ على هذا النظام: يُدخل المسؤول خادم البريد في الإعدادات. اطبع الإيصال أو احفظه بصيغة PDF بدلًا من ذلك.</translation>
    </message>
  </context>
</TS>
