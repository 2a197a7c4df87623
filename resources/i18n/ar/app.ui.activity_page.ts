<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>الهدف</translation>
    </message>
    <message>
      <source>User</source>
      <translation>المستخدم</translation>
    </message>
    <message>
      <source>When</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>محطة العمل</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Loading the activity log…</source>
      <translation>جارٍ تحميل سجل النشاط…</translation>
    </message>
    <message>
      <source>Export the activity log</source>
      <translation>تصدير سجل النشاط</translation>
    </message>
    <message>
      <source>Activity log</source>
      <translation>سجل النشاط</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Save up to {limit} entries matching the filters</source>
      <translation>حفظ ما يصل إلى {limit} إدخال مطابق لعوامل التصفية</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Every action</source>
      <translation>كل الإجراءات</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>أي مستخدم</translation>
    </message>
    <message>
      <source>System (background jobs)</source>
      <translation>النظام (مهام الخلفية)</translation>
    </message>
    <message>
      <source>From</source>
      <translation>من</translation>
    </message>
    <message>
      <source>To</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>Text in target, details…</source>
      <translation>نص في الهدف أو التفاصيل…</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>تطبيق</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>Exporting the activity log…</source>
      <translation>جارٍ تصدير سجل النشاط…</translation>
    </message>
    <message>
      <source>Exported 1 entry to {path}.</source>
      <translation>صُدّر إدخال واحد إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} entries to {path}.</source>
      <translation>تم تصدير {rows} من السجلات إلى {path}.</translation>
    </message>
    <message>
      <source>Exported the newest {rows} matching entries to {path}; narrow the dates to export the rest.</source>
      <translation>صُدّرت أحدث {rows} إدخالات مطابقة إلى {path}؛ ضيّق نطاق التواريخ لتصدير الباقي.</translation>
    </message>
    <message>
      <source>Entries {first}–{last}, newest first</source>
      <translation>الإدخالات {first}–{last}، الأحدث أولاً</translation>
    </message>
    <message>
      <source>No entries match these filters.</source>
      <translation>لا توجد إدخالات تطابق عوامل التصفية هذه.</translation>
    </message>
  </context>
</TS>
