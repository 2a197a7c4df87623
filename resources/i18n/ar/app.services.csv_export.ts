<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The folder {folder} does not exist. Choose another folder for the export.</source>
      <extracomment>folder_does_not_exist</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{target} is a folder; give the export a file name.</source>
      <extracomment>folder_give_export_file</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not save {name}: {value}. If the file is open in Excel or another program, close it and export again.</source>
      <extracomment>could_not_save_if</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ClinicDesk is not allowed to save files in {folder}. Choose a folder you can write to, such as Documents, and export again.</source>
      <extracomment>not_allowed_folder</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not write the export in {folder}: {error}. Nothing was saved.</source>
      <extracomment>could_not_write_export</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
