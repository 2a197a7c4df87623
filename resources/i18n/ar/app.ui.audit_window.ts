<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Actions</source>
      <translation>الإجراءات</translation>
    </message>
    <message>
      <source>All actions</source>
      <translation>جميع الإجراءات</translation>
    </message>
    <message>
      <source>{count} actions</source>
      <translation>الإجراءات المحددة: {count}</translation>
    </message>
    <message>
      <source>Every action</source>
      <translation>كل الإجراءات</translation>
    </message>
    <message>
      <source>Loading the audit log…</source>
      <translation>جارٍ تحميل سجل التدقيق…</translation>
    </message>
    <message>
      <source>Insurance Audit Log</source>
      <translation>سجل تدقيق التأمين</translation>
    </message>
    <message>
      <source>Hide filters</source>
      <translation>إخفاء عوامل التصفية</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Save up to {count} entries matching the filters</source>
      <translation>حفظ ما يصل إلى {count} من السجلات المطابقة لعوامل التصفية</translation>
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
      <source>From date</source>
      <translation>من تاريخ</translation>
    </message>
    <message>
      <source>To date</source>
      <translation>إلى تاريخ</translation>
    </message>
    <message>
      <source>Name or MRN</source>
      <translation>الاسم أو رقم الملف الطبي</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Performed by</source>
      <translation>نفّذه</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>أي شخص</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>تطبيق</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>مسح</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>Exporting the audit log…</source>
      <translation>جارٍ تصدير سجل التدقيق…</translation>
    </message>
    <message>
      <source>Exported {rows} entry to {path}.</source>
      <translation>تم تصدير سجل واحد ({rows}) إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} entries to {path}.</source>
      <translation>تم تصدير {rows} من السجلات إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} entries to {path}. Only the newest {limit} matching entries were exported; narrow the filters (dates) to export the rest.</source>
      <translation>تم تصدير {rows} من السجلات إلى {path}. صُدّرت أحدث {limit} من السجلات المطابقة فقط؛ ضيّق عوامل التصفية (التواريخ) لتصدير الباقي.</translation>
    </message>
    <message>
      <source>‹ Previous</source>
      <translation>‹ السابق</translation>
    </message>
    <message>
      <source>Next ›</source>
      <translation>التالي ›</translation>
    </message>
    <message>
      <source>Show filters</source>
      <translation>إظهار عوامل التصفية</translation>
    </message>
    <message>
      <source>Page {number}</source>
      <translation>الصفحة {number}</translation>
    </message>
    <message>
      <source>Entries {first}–{last}, newest first</source>
      <translation>السجلات {first}–{last}، الأحدث أولًا</translation>
    </message>
    <message>
      <source>No entries match these filters.</source>
      <translation>لا توجد سجلات تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
      <source>Export the audit log</source>
      <translation>تصدير سجل التدقيق</translation>
    </message>
    <message>
      <source>Insurance Audit</source>
      <translation>تدقيق التأمين</translation>
    </message>
  </context>
</TS>
