<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Cannot create the data directory {parent}: {strerror}. Set CLINICDESK_DATA_DIR to a folder you can write to.</source>
      <comment>embedded.create_data_directory_parent</comment>
      <translation>تعذّر إنشاء مجلد البيانات {parent}: {strerror}. اضبط CLINICDESK_DATA_DIR على مجلد يمكنك الكتابة فيه.</translation>
    </message>
    <message>
      <source>The data directory {parent} is not writable. Set CLINICDESK_DATA_DIR to a folder you can write to, or fix its permissions.</source>
      <comment>embedded.data_directory_parent_writable</comment>
      <translation>لا يمكن الكتابة في مجلد البيانات {parent}. اضبط CLINICDESK_DATA_DIR على مجلد يمكنك الكتابة فيه، أو أصلح صلاحياته.</translation>
    </message>
    <message>
      <source>The embedded database in {pgdata} did not start ({exc}). Its log is {log_file}.
{tail}</source>
      <comment>embedded.embedded_database_pgdata_did</comment>
      <translation>لم تبدأ قاعدة البيانات المدمجة في {pgdata} ({exc}). سجلها في {log_file}.
{tail}</translation>
    </message>
  </context>
</TS>
