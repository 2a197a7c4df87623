<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>DATABASE_URL is not a valid database URL ({exc}). It should look like postgresql://user:password@host:5432/clinicdesk.</source>
      <comment>session.database_url_valid_database</comment>
      <translation>DATABASE_URL ليس عنوان قاعدة بيانات صالحًا ({exc}). يجب أن يكون بالشكل postgresql://user:password@host:5432/clinicdesk.</translation>
    </message>
    <message>
      <source>Cannot reach the database at {url}: {reason}. Check DATABASE_URL (host, port, user, password, database name) and that the server is running; unset DATABASE_URL to use the built-in database.</source>
      <comment>session.reach_database_render_string</comment>
      <translation>تعذّر الوصول إلى قاعدة البيانات على {url}: {reason}. تحقّق من DATABASE_URL (المضيف والمنفذ والمستخدم وكلمة المرور واسم قاعدة البيانات) ومن أن الخادم يعمل؛ أو ألغِ ضبط DATABASE_URL لاستخدام قاعدة البيانات المدمجة.</translation>
    </message>
    <message>
      <source>DATABASE_URL is not a valid database URL: {exc}</source>
      <comment>session.database_url_valid_database_2</comment>
      <translation>DATABASE_URL ليس عنوان قاعدة بيانات صالحًا: {exc}</translation>
    </message>
  </context>
</TS>
