<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>a PostgreSQL superuser</source>
      <comment>roles.superuser</comment>
      <translation>مستخدم PostgreSQL فائق الصلاحيات</translation>
    </message>
    <message>
      <source>the owner of the tables</source>
      <comment>roles.owner</comment>
      <translation>مالك الجداول</translation>
    </message>
    <message>
      <source>Connected to the shared database as {user}, {what}: the audit and money records are only tamper-evident, not protected. Ask the administrator to run 'python -m app db create-roles' and connect the desks as {app_role}.</source>
      <comment>roles.privileged_connection</comment>
      <translation>متصل بقاعدة البيانات المشتركة بصفة {user}، {what}: سجلات التدقيق والأموال تكشف العبث فقط ولا تحميه. اطلب من المسؤول تشغيل 'python -m app db create-roles' وربط المكاتب بصفة {app_role}.</translation>
    </message>
  </context>
</TS>
