<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Claims</source>
      <translation>المطالبات</translation>
    </message>
    <message>
      <source>Insurance payments</source>
      <translation>مدفوعات التأمين</translation>
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
      <translation>الاسم أو رقم الملف الطبي (MRN)</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Select a claim to see its detail.</source>
      <translation>اختر مطالبة لعرض تفاصيلها.</translation>
    </message>
    <message>
      <source>Billed</source>
      <translation>المبلغ المفوتر</translation>
    </message>
    <message>
      <source>Insurer estimate</source>
      <translation>تقدير شركة التأمين</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>مدفوعة</translation>
    </message>
    <message>
      <source>Write-off</source>
      <translation>المشطوب</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>الرمز</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>الوصف</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>الرسوم</translation>
    </message>
    <message>
      <source>Estimate</source>
      <translation>التقدير</translation>
    </message>
    <message>
      <source>By</source>
      <translation>بواسطة</translation>
    </message>
    <message>
      <source>When</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Reason / note</source>
      <translation>السبب / الملاحظة</translation>
    </message>
    <message>
      <source>Submit to insurer</source>
      <translation>إرسال إلى شركة التأمين</translation>
    </message>
    <message>
      <source>Resubmit with note…</source>
      <translation>إعادة الإرسال مع ملاحظة…</translation>
    </message>
    <message>
      <source>Procedures</source>
      <translation>الإجراءات الطبية</translation>
    </message>
    <message>
      <source>Status history</source>
      <translation>سجل الحالات</translation>
    </message>
    <message>
      <source>Claim #{id} · OpenDental claim {num} — {status}</source>
      <translation>المطالبة #{id} · مطالبة OpenDental رقم {num} — {status}</translation>
    </message>
    <message>
      <source>Claim #{id} — {status}</source>
      <translation>المطالبة #{id} — {status}</translation>
    </message>
    <message>
      <source>payer unknown</source>
      <translation>الجهة الدافعة غير معروفة</translation>
    </message>
    <message>
      <source>service {day}</source>
      <translation>الخدمة في {day}</translation>
    </message>
    <message>
      <source>OpenDental: {status}</source>
      <translation>OpenDental: {status}</translation>
    </message>
    <message>
      <source>Rejected: {reason}</source>
      <translation>مرفوضة: {reason}</translation>
    </message>
    <message>
      <source>Note sent with the claim: {note}</source>
      <translation>ملاحظة أُرسلت مع المطالبة: {note}</translation>
    </message>
    <message>
      <source>Desk</source>
      <translation>الاستقبال</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>المزامنة</translation>
    </message>
    <message>
      <source>{old} → {new}</source>
      <translation>{old} ← {new}</translation>
    </message>
    <message>
      <source>Loading claims…</source>
      <translation>جارٍ تحميل المطالبات…</translation>
    </message>
    <message>
      <source>Export the claims</source>
      <translation>تصدير المطالبات</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Bulk submit ready…</source>
      <translation>إرسال الجاهز دفعة واحدة…</translation>
    </message>
    <message>
      <source>Submit every draft claim matching the filters, one by one</source>
      <translation>إرسال كل مسودات المطالبات المطابقة لعوامل التصفية، واحدة تلو الأخرى</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Save the claims matching the filters (up to {limit})</source>
      <translation>حفظ المطالبات المطابقة لعوامل التصفية (حتى {limit})</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>أي حالة</translation>
    </message>
    <message>
      <source>Payer</source>
      <translation>الجهة الدافعة</translation>
    </message>
    <message>
      <source>Any payer</source>
      <translation>أي جهة دافعة</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>العيادة</translation>
    </message>
    <message>
      <source>Any clinic</source>
      <translation>أي عيادة</translation>
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
      <source>Service date</source>
      <translation>تاريخ الخدمة</translation>
    </message>
    <message>
      <source>Exported 1 claim to {path}.</source>
      <translation>صُدّرت مطالبة واحدة إلى {path}.</translation>
    </message>
    <message>
      <source>Exporting the claims…</source>
      <translation>جارٍ تصدير المطالبات…</translation>
    </message>
    <message>
      <source>Exported {rows} claims to {path}.</source>
      <translation>صُدّرت {rows} مطالبة إلى {path}.</translation>
    </message>
    <message>
      <source>Exported the first {rows} claims to {path}; narrow the filters to export the rest.</source>
      <translation>صُدّرت أول {rows} مطالبات إلى {path}؛ ضيّق عوامل التصفية لتصدير الباقي.</translation>
    </message>
    <message>
      <source>Claims {first}–{last}, newest date of service first; amounts in AED</source>
      <translation>المطالبات {first}–{last}، الأحدث تاريخ خدمة أولاً؛ المبالغ بالدرهم الإماراتي</translation>
    </message>
    <message>
      <source>No claims match these filters.</source>
      <translation>لا توجد مطالبات تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
      <source>Claim #{id} was sent to OpenDental (waiting to send).</source>
      <translation>أُرسلت المطالبة #{id} إلى OpenDental (في انتظار الإرسال).</translation>
    </message>
    <message>
      <source>Claim #{id} was corrected and sent again.</source>
      <translation>صُحّحت المطالبة #{id} وأُرسلت مرة أخرى.</translation>
    </message>
    <message>
      <source>Talking to OpenDental…</source>
      <translation>جارٍ الاتصال بـ OpenDental…</translation>
    </message>
    <message>
      <source>No draft claims ready to submit match these filters.</source>
      <translation>لا توجد مسودات مطالبات جاهزة للإرسال تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
      <source>Submitting 1 claim…</source>
      <translation>جارٍ إرسال مطالبة واحدة…</translation>
    </message>
    <message>
      <source>Submitting {count} claims…</source>
      <translation>جارٍ إرسال {count} مطالبة…</translation>
    </message>
    <message>
      <source>Stop after this claim</source>
      <translation>التوقف بعد هذه المطالبة</translation>
    </message>
    <message>
      <source>Bulk submit</source>
      <translation>إرسال جماعي</translation>
    </message>
    <message>
      <source>Submitted {done} of {count} claims.</source>
      <translation>أُرسلت {done} من أصل {count} مطالبة.</translation>
    </message>
    <message>
      <source>{done} Stopped on request; the rest are still drafts.</source>
      <translation>{done} توقف الإرسال بناءً على الطلب؛ والباقي لا يزال مسودات.</translation>
    </message>
    <message>
      <source>Claim #{id} ({patient}): {message}</source>
      <translation>المطالبة #{id} ({patient}): {message}</translation>
    </message>
    <message>
      <source>{summary} OpenDental refused {count}:</source>
      <translation>{summary} رفض OpenDental عدد {count}:</translation>
    </message>
    <message>
      <source>Resubmit claim</source>
      <translation>إعادة إرسال المطالبة</translation>
    </message>
    <message>
      <source>Claim #{id} was rejected: {reason}.
Say what was corrected; the note goes to OpenDental with the claim.</source>
      <translation>رُفضت المطالبة #{id}: {reason}.
اذكر ما تم تصحيحه؛ تُرسل الملاحظة إلى OpenDental مع المطالبة.</translation>
    </message>
    <message>
      <source>Resubmit</source>
      <translation>إعادة الإرسال</translation>
    </message>
    <message>
      <source>Correction note (required)</source>
      <translation>ملاحظة التصحيح (إلزامية)</translation>
    </message>
    <message>
      <source>Submit 1 draft claim to OpenDental?</source>
      <translation>إرسال مسودة مطالبة واحدة إلى OpenDental؟</translation>
    </message>
    <message>
      <source>Submit {count} draft claims to OpenDental, one by one?</source>
      <translation>إرسال {count} من مسودات المطالبات إلى OpenDental، واحدة تلو الأخرى؟</translation>
    </message>
    <message>
      <source>Select a payment to see its check.</source>
      <translation>اختر دفعة لعرض شيكها.</translation>
    </message>
    <message>
      <source>Total posted</source>
      <translation>إجمالي المُرحّل</translation>
    </message>
    <message>
      <source>Check amount</source>
      <translation>مبلغ الشيك</translation>
    </message>
    <message>
      <source>Posting</source>
      <translation>الترحيل</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>المطالبة</translation>
    </message>
    <message>
      <source>Claim status</source>
      <translation>حالة المطالبة</translation>
    </message>
    <message>
      <source>Claims paid by this check</source>
      <translation>المطالبات المدفوعة بهذا الشيك</translation>
    </message>
    <message>
      <source>{method} {number}</source>
      <translation>{method} {number}</translation>
    </message>
    <message>
      <source>(no number)</source>
      <translation>(بدون رقم)</translation>
    </message>
    <message>
      <source>{payment} · SIMULATED</source>
      <translation>{payment} · محاكاة</translation>
    </message>
    <message>
      <source>carrier unknown</source>
      <translation>شركة التأمين غير معروفة</translation>
    </message>
    <message>
      <source>received {day}</source>
      <translation>استُلمت في {day}</translation>
    </message>
    <message>
      <source>OpenDental claim payment {num}</source>
      <translation>دفعة مطالبة OpenDental رقم {num}</translation>
    </message>
    <message>
      <source>Partly {statuses}</source>
      <translation>جزئياً: {statuses}</translation>
    </message>
    <message>
      <source>Loading insurance payments…</source>
      <translation>جارٍ تحميل مدفوعات التأمين…</translation>
    </message>
    <message>
      <source>Export the insurance payments</source>
      <translation>تصدير مدفوعات التأمين</translation>
    </message>
    <message>
      <source>Save the payments matching the filters (up to {limit})</source>
      <translation>حفظ المدفوعات المطابقة لعوامل التصفية (حتى {limit})</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>تاريخ الاستلام</translation>
    </message>
    <message>
      <source>Carrier</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>Any carrier</source>
      <translation>أي شركة تأمين</translation>
    </message>
    <message>
      <source>Posting status</source>
      <translation>حالة الترحيل</translation>
    </message>
    <message>
      <source>Any posting</source>
      <translation>أي حالة ترحيل</translation>
    </message>
    <message>
      <source>Check / EFT number</source>
      <translation>رقم الشيك / التحويل الإلكتروني</translation>
    </message>
    <message>
      <source>Check number</source>
      <translation>رقم الشيك</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>شيك</translation>
    </message>
    <message>
      <source>Exporting the insurance payments…</source>
      <translation>جارٍ تصدير مدفوعات التأمين…</translation>
    </message>
    <message>
      <source>Exported 1 payment to {path}.</source>
      <translation>صُدّرت دفعة واحدة إلى {path}.</translation>
    </message>
    <message>
      <source>Exported {rows} payments to {path}.</source>
      <translation>صُدّرت {rows} دفعة إلى {path}.</translation>
    </message>
    <message>
      <source>Exported the first {rows} payments to {path}; narrow the filters to export the rest.</source>
      <translation>صُدّرت أول {rows} دفعات إلى {path}؛ ضيّق عوامل التصفية لتصدير الباقي.</translation>
    </message>
    <message>
      <source>Payments {first}–{last}, newest first; amounts in AED</source>
      <translation>المدفوعات {first}–{last}، الأحدث أولاً؛ المبالغ بالدرهم الإماراتي</translation>
    </message>
    <message>
      <source>No insurance payments match these filters.</source>
      <translation>لا توجد مدفوعات تأمين تطابق عوامل التصفية هذه.</translation>
    </message>
    <message>
      <source>Claims &amp; Payments</source>
      <translation>المطالبات والمدفوعات</translation>
    </message>
  </context>
</TS>
