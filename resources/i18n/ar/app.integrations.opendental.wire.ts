<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>OpenDental sent {field} = {value}: {exc}.</source>
      <comment>wire.opendental_sent_field_exc</comment>
      <translation>أرسل OpenDental {field} = {value}: {exc}.</translation>
    </message>
    <message>
      <source>OpenDental sent a {name} where a {expected} object was expected.</source>
      <comment>wire.opendental_sent_name_where</comment>
      <translation>أرسل OpenDental {name} بينما كان المتوقع كائن {expected}.</translation>
    </message>
    <message>
      <source>OpenDental sent a {name} without its {wire_name}.</source>
      <comment>wire.opendental_sent_name_without</comment>
      <translation>أرسل OpenDental {name} بدون {wire_name}.</translation>
    </message>
    <message>
      <source>OpenDental sent {name}.{wire_name} = {raw}: {exc}.</source>
      <comment>wire.opendental_sent_name_wire</comment>
      <translation>أرسل OpenDental {name}.{wire_name} = {raw}: {exc}.</translation>
    </message>
  </context>
</TS>
