<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no sync job '{name}'; jobs: {jobs}.</source>
      <comment>registry.there_sync_job_name</comment>
      <translation>لا توجد مهمة مزامنة باسم '{name}'؛ المهام: {jobs}.</translation>
    </message>
  </context>
</TS>
