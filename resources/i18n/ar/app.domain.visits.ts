<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Consultation</source>
      <translation>استشارة</translation>
    </message>
    <message>
      <source>Follow-up consultation</source>
      <translation>استشارة متابعة</translation>
    </message>
    <message>
      <source>Emergency consultation</source>
      <translation>استشارة طارئة</translation>
    </message>
  </context>
</TS>
