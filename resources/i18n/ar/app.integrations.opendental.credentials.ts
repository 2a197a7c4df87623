<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>developer key</source>
      <comment>credentials.developer_key</comment>
      <translation>مفتاح المطوّر</translation>
    </message>
    <message>
      <source>customer key</source>
      <comment>credentials.customer_key</comment>
      <translation>مفتاح العميل</translation>
    </message>
    <message>
      <source>Enter the OpenDental {label}.</source>
      <comment>credentials.enter_opendental_label</comment>
      <translation>أدخل {label} الخاص بـ OpenDental.</translation>
    </message>
    <message>
      <source>The OpenDental {label} is longer than {max} characters; check what was pasted.</source>
      <comment>credentials.opendental_label_longer_than</comment>
      <translation>{label} الخاص بـ OpenDental أطول من {max} حرفًا؛ تحقّق مما تم لصقه.</translation>
    </message>
    <message>
      <source>The OpenDental {label} contains spaces, '/' or invisible characters; paste it again as OpenDental shows it.</source>
      <comment>credentials.opendental_label_contains_spaces</comment>
      <translation>يحتوي {label} الخاص بـ OpenDental على مسافات أو '/' أو أحرف غير مرئية؛ الصقه مرة أخرى كما يظهر في OpenDental.</translation>
    </message>
    <message>
      <source>A hospital code is needed to store OpenDental keys.</source>
      <comment>credentials.hospital_code_needed_store</comment>
      <translation>يلزم رمز المستشفى لحفظ مفاتيح OpenDental.</translation>
    </message>
    <message>
      <source>OpenDental keys belong to a saved connection; save it first.</source>
      <comment>credentials.opendental_keys_belong_saved</comment>
      <translation>مفاتيح OpenDental تخص اتصالًا محفوظًا؛ احفظ الاتصال أولًا.</translation>
    </message>
  </context>
</TS>
