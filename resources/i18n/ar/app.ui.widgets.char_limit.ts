<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{count} / {limit}</source>
      <translation>{count} / {limit}</translation>
    </message>
    <message>
      <source>{count} of at most {limit} characters</source>
      <translation>{count} من {limit} حرفاً كحد أقصى</translation>
    </message>
  </context>
</TS>
