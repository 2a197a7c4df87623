<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The interface language must be English or Arabic.</source>
      <extracomment>unknown_language</extracomment>
      <translation>يجب أن تكون لغة الواجهة الإنجليزية أو العربية.</translation>
    </message>
  </context>
</TS>
