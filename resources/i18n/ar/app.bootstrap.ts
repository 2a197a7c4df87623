<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The database is at migration {value} and this ClinicDesk needs {head_revision}, but this desk's database role may not change the schema. Ask the administrator to run 'python -m app db upgrade' as the owner role (clinicdesk_owner).</source>
      <comment>bootstrap.database_migration_clinicdesk_needs</comment>
      <translation>قاعدة البيانات على الترحيل {value} ويحتاج ClinicDesk هذا إلى {head_revision}، لكن دور قاعدة البيانات لهذا المكتب لا يملك صلاحية تغيير البنية. اطلب من المسؤول تشغيل 'python -m app db upgrade' بدور المالك (clinicdesk_owner).</translation>
    </message>
  </context>
</TS>
