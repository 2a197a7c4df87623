<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The connection to the database was lost; reconnecting… Screens are not updating, and what you save now may fail (nothing is half-saved).</source>
      <translation>انقطع الاتصال بقاعدة البيانات؛ جارٍ إعادة الاتصال… الشاشات لا تتحدّث، وقد يفشل ما تحفظه الآن (لا يُحفظ أي شيء جزئياً).</translation>
    </message>
    <message>
      <source>The connection to the database is back; every screen was reloaded.</source>
      <translation>عاد الاتصال بقاعدة البيانات؛ تمت إعادة تحميل جميع الشاشات.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;{summary}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Not yet available in this version of ClinicDesk.&lt;/b&gt;&lt;/p&gt;</source>
      <translation>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;{summary}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;غير متاحة بعد في هذا الإصدار من ClinicDesk.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
      <source>ClinicDesk — {hospital}</source>
      <translation>ClinicDesk — {hospital}</translation>
    </message>
    <message>
      <source>{name} · {role} · {workstation}</source>
      <translation>{name} · {role} · {workstation}</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>قفل</translation>
    </message>
    <message>
      <source>Lock this workstation {keys}</source>
      <translation>قفل محطة العمل هذه {keys}</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>تسجيل الخروج</translation>
    </message>
    <message>
      <source>{page}  (not yet available)</source>
      <translation>{page}  (غير متاحة بعد)</translation>
    </message>
    <message>
      <source>{summary} ({keys})</source>
      <translation>{summary} ({keys})</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>مساعدة</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
  </context>
</TS>
