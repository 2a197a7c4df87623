<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The database is at migration {current}, which this version of ClinicDesk does not know (it knows up to {head}). The database was upgraded by a newer ClinicDesk: install that version on this workstation.</source>
      <comment>migrate.database_migration_current_which</comment>
      <translation>قاعدة البيانات على الترحيل {current}، وهو غير معروف لهذا الإصدار من ClinicDesk (يعرف حتى {head}). تمت ترقية قاعدة البيانات بإصدار أحدث من ClinicDesk: ثبّت ذلك الإصدار على محطة العمل هذه.</translation>
    </message>
  </context>
</TS>
