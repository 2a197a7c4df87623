<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The setup file {file} does not exist.</source>
      <comment>onboarding_cli.setup_file_file_does</comment>
      <translation>ملف الإعداد {file} غير موجود.</translation>
    </message>
    <message>
      <source>The setup file {file} cannot be read: {exc}.</source>
      <comment>onboarding_cli.setup_file_file_read</comment>
      <translation>تعذّرت قراءة ملف الإعداد {file}: {exc}.</translation>
    </message>
    <message>
      <source>The setup file {file} is not valid TOML: {exc}.</source>
      <comment>onboarding_cli.setup_file_file_valid</comment>
      <translation>ملف الإعداد {file} ليس بصيغة TOML صالحة: {exc}.</translation>
    </message>
    <message>
      <source>Set {variable} or run setup at a terminal to type the administrator's password.</source>
      <comment>onboarding_cli.set_password_env_run</comment>
      <translation>اضبط {variable} أو شغّل الإعداد من نافذة الأوامر لكتابة كلمة مرور المسؤول.</translation>
    </message>
    <message>
      <source>No acceptable password was given; nothing was created.</source>
      <comment>onboarding_cli.acceptable_password_given_nothing</comment>
      <translation>لم تُدخل كلمة مرور مقبولة؛ لم يتم إنشاء أي شيء.</translation>
    </message>
  </context>
</TS>
