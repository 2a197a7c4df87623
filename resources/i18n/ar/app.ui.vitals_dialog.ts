<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>BP systolic</source>
      <translation>الضغط الانقباضي</translation>
    </message>
    <message>
      <source>mmHg</source>
      <translation>ملم زئبق</translation>
    </message>
    <message>
      <source>BP diastolic</source>
      <translation>الضغط الانبساطي</translation>
    </message>
    <message>
      <source>Heart rate</source>
      <translation>معدل نبض القلب</translation>
    </message>
    <message>
      <source>bpm</source>
      <translation>نبضة/دقيقة</translation>
    </message>
    <message>
      <source>Temperature</source>
      <translation>درجة الحرارة</translation>
    </message>
    <message>
      <source>SpO2</source>
      <translation>تشبع الأكسجين SpO2</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>الوزن</translation>
    </message>
    <message>
      <source>e.g. 72.5</source>
      <translation>مثال: 72.5</translation>
    </message>
    <message>
      <source>kg</source>
      <translation>كغ</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>الطول</translation>
    </message>
    <message>
      <source>cm</source>
      <translation>سم</translation>
    </message>
    <message>
      <source>e.g. 168</source>
      <translation>مثال: 168</translation>
    </message>
    <message>
      <source>{field} must be a number ({unit}).</source>
      <comment>vitals_dialog.not_a_number</comment>
      <translation>يجب أن يكون {field} رقماً ({unit}).</translation>
    </message>
    <message>
      <source>Record Vitals</source>
      <translation>تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>&lt;b&gt;{name}&lt;/b&gt; · {mrn}&lt;br&gt;Token {token} · {doctor} · {department}</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt; · {mrn}&lt;br&gt;الرقم {token} · {doctor} · {department}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
  </context>
</TS>
