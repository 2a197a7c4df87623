<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The folder {folder} does not exist. Choose another folder for the export.</source>
      <comment>csv_export.folder_does_not_exist</comment>
      <translation>المجلد {folder} غير موجود. اختر مجلدًا آخر للتصدير.</translation>
    </message>
    <message>
      <source>{target} is a folder; give the export a file name.</source>
      <comment>csv_export.folder_give_export_file</comment>
      <translation>{target} مجلد؛ أعطِ ملف التصدير اسمًا.</translation>
    </message>
    <message>
      <source>Could not save {name}: {error}. If the file is open in Excel or another program, close it and export again.</source>
      <comment>csv_export.could_not_save_if</comment>
      <translation>تعذّر حفظ {name}: {error}. إذا كان الملف مفتوحًا في Excel أو برنامج آخر، فأغلقه وصدّر مرة أخرى.</translation>
    </message>
    <message>
      <source>ClinicDesk is not allowed to save files in {folder}. Choose a folder you can write to, such as Documents, and export again.</source>
      <comment>csv_export.not_allowed_folder</comment>
      <translation>لا يُسمح لـ ClinicDesk بحفظ الملفات في {folder}. اختر مجلدًا يمكنك الكتابة فيه، مثل المستندات، ثم صدّر مرة أخرى.</translation>
    </message>
    <message>
      <source>Could not write the export in {folder}: {error}. Nothing was saved.</source>
      <comment>csv_export.could_not_write_export</comment>
      <translation>تعذّرت كتابة ملف التصدير في {folder}: {error}. لم يُحفظ شيء.</translation>
    </message>
  </context>
</TS>
