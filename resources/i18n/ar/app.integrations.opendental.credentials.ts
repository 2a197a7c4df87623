<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>developer key</source>
      <extracomment>developer_key</extracomment>
      <translation>مفتاح المطوّر</translation>
    </message>
    <message>
      <source>customer key</source>
      <extracomment>customer_key</extracomment>
      <translation>مفتاح العميل</translation>
    </message>
    <message>
      <source>Enter the OpenDental {label}.</source>
      <extracomment>enter_opendental_label</extracomment>
      <translation>أدخل {label} الخاص بـ OpenDental.</translation>
    </message>
    <message>
      <source>The OpenDental {label} is longer than {max} characters; check what was pasted.</source>
      <extracomment>opendental_label_longer_than</extracomment>
      <translation>{label} الخاص بـ OpenDental أطول من {max} حرفًا؛ تحقّق مما تم لصقه.</translation>
    </message>
    <message>
      <source>The OpenDental {label} contains spaces, '/' or invisible characters; paste it again as OpenDental shows it.</source>
      <extracomment>opendental_label_contains_spaces</extracomment>
      <translation>يحتوي {label} الخاص بـ OpenDental على مسافات أو '/' أو أحرف غير مرئية؛ الصقه مرة أخرى كما يظهر في OpenDental.</translation>
    </message>
    <message>
      <source>A hospital code is needed to store OpenDental keys.</source>
      <extracomment>hospital_code_needed_store</extracomment>
      <translation>يلزم رمز المستشفى لحفظ مفاتيح OpenDental.</translation>
    </message>
    <message>
      <source>OpenDental keys belong to a saved connection; save it first.</source>
      <extracomment>opendental_keys_belong_saved</extracomment>
      <translation>مفاتيح OpenDental تخص اتصالًا محفوظًا؛ احفظ الاتصال أولًا.</translation>
    </message>
  </context>
</TS>
