<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>All</source>
      <translation>الكل</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>معلّق</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>تمت الموافقة</translation>
    </message>
    <message>
      <source>Processed</source>
      <translation>تم الصرف</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>This copay was paid by card: a cash refund takes money from the till and the card is not refunded. Refund to the card unless the patient cannot receive it there.</source>
      <translation>دُفعت نسبة التحمل هذه بالبطاقة: الاسترداد النقدي يأخذ المال من درج النقدية ولا يُعاد المبلغ إلى البطاقة. أعد المبلغ إلى البطاقة ما لم يتعذّر على المريض استلامه عليها.</translation>
    </message>
    <message>
      <source>{amount} paid</source>
      <translation>دُفع {amount}</translation>
    </message>
    <message>
      <source>{amount} refunded</source>
      <translation>استُرد {amount}</translation>
    </message>
    <message>
      <source>{amount} awaiting approval</source>
      <translation>{amount} بانتظار الموافقة</translation>
    </message>
    <message>
      <source>{amount} approved, not yet paid out</source>
      <translation>تمت الموافقة على {amount} ولم يُصرف بعد</translation>
    </message>
    <message>
      <source>Request a copay refund</source>
      <translation>طلب استرداد نسبة التحمل</translation>
    </message>
    <message>
      <source>Find the payment by the patient's name, MRN or the receipt number.</source>
      <translation>ابحث عن الدفعة باسم المريض أو رقم الملف الطبي أو رقم الإيصال.</translation>
    </message>
    <message>
      <source>Patient name, MRN or receipt number (RCP-…)</source>
      <translation>اسم المريض أو رقم الملف الطبي أو رقم الإيصال (RCP-…)</translation>
    </message>
    <message>
      <source>Find payment</source>
      <translation>البحث عن الدفعة</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>No payment chosen yet.</source>
      <translation>لم يتم اختيار أي دفعة بعد.</translation>
    </message>
    <message>
      <source>Refund amount</source>
      <translation>مبلغ الاسترداد</translation>
    </message>
    <message>
      <source>Full refundable amount</source>
      <translation>كامل المبلغ القابل للاسترداد</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Details (required when the reason is Other)</source>
      <translation>التفاصيل (مطلوبة عندما يكون السبب «أخرى»)</translation>
    </message>
    <message>
      <source>Refund method</source>
      <translation>طريقة الاسترداد</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Request refund</source>
      <translation>طلب الاسترداد</translation>
    </message>
    <message>
      <source>Type at least two letters or digits.</source>
      <translation>اكتب حرفين أو رقمين على الأقل.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>جارٍ البحث…</translation>
    </message>
    <message>
      <source>No copay payments match.</source>
      <translation>لا توجد دفعات نسبة تحمل مطابقة.</translation>
    </message>
    <message>
      <source>1 payment found.</source>
      <translation>تم العثور على دفعة واحدة.</translation>
    </message>
    <message>
      <source>{count} payments found (the newest 20).</source>
      <translation>عدد الدفعات التي عُثر عليها: {count} (أحدث 20).</translation>
    </message>
    <message>
      <source>{count} payments found.</source>
      <translation>عدد الدفعات التي عُثر عليها: {count}.</translation>
    </message>
    <message>
      <source>paid {day} by {method}, insurer {insurer}</source>
      <translation>دُفع بتاريخ {day} {method}، شركة التأمين {insurer}</translation>
    </message>
    <message>
      <source>paid {day} by {method}, self-pay</source>
      <translation>دُفع بتاريخ {day} {method}، دفع ذاتي</translation>
    </message>
    <message>
      <source>{summary}.</source>
      <translation>{summary}.</translation>
    </message>
    <message>
      <source>&lt;b&gt;{amount}&lt;/b&gt; can be refunded.</source>
      <translation>يمكن استرداد &lt;b&gt;{amount}&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>Nothing more can be refunded on this receipt.</source>
      <translation>لا يمكن استرداد أي مبلغ إضافي على هذا الإيصال.</translation>
    </message>
    <message>
      <source>Only a card payment can be refunded to a card.</source>
      <translation>لا يمكن الاسترداد إلى البطاقة إلا لدفعة تمت بالبطاقة.</translation>
    </message>
    <message>
      <source>The refund amount</source>
      <translation>مبلغ الاسترداد</translation>
    </message>
    <message>
      <source>Loading refunds…</source>
      <translation>جارٍ تحميل المبالغ المستردة…</translation>
    </message>
    <message>
      <source>Copay Refunds</source>
      <translation>استرداد نسبة التحمل</translation>
    </message>
    <message>
      <source>Search patient, MRN or receipt…</source>
      <translation>ابحث بالمريض أو رقم الملف الطبي أو الإيصال…</translation>
    </message>
    <message>
      <source>Search refunds</source>
      <translation>البحث في المبالغ المستردة</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Request Refund…</source>
      <translation>طلب استرداد…</translation>
    </message>
    <message>
      <source>Select a refund to see its history.</source>
      <translation>اختر عملية استرداد لعرض سجلها.</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>موافقة</translation>
    </message>
    <message>
      <source>Reject…</source>
      <translation>رفض…</translation>
    </message>
    <message>
      <source>Process (pay out)…</source>
      <translation>تنفيذ (صرف)…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>حذف…</translation>
    </message>
    <message>
      <source>Refund receipt PDF…</source>
      <translation>إيصال الاسترداد PDF…</translation>
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
      <source>{tab} ({count})</source>
      <translation>{tab} ({count})</translation>
    </message>
    <message>
      <source>{first}–{last} of {total}</source>
      <translation>{first}–{last} من {total}</translation>
    </message>
    <message>
      <source>No refunds</source>
      <translation>لا توجد مبالغ مستردة</translation>
    </message>
    <message>
      <source>&lt;span style='font-size:13pt'&gt;&lt;b&gt;{amount}&lt;/b&gt;&lt;/span&gt; to &lt;b&gt;{name}&lt;/b&gt; ({mrn}) · {method} · &lt;b&gt;{status}&lt;/b&gt;</source>
      <translation>&lt;span style='font-size:13pt'&gt;&lt;b&gt;{amount}&lt;/b&gt;&lt;/span&gt; إلى &lt;b&gt;{name}&lt;/b&gt; ({mrn}) · {method} · &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Reason: {reason}</source>
      <translation>السبب: {reason}</translation>
    </message>
    <message>
      <source>Original payment: {receipt}, {amount} by {method} on {day} ({refunded} refunded so far)</source>
      <translation>الدفعة الأصلية: {receipt}، {amount} دُفعت {method} بتاريخ {day} (المسترد حتى الآن {refunded})</translation>
    </message>
    <message>
      <source>Requested by {name}, {when}</source>
      <translation>طلبه {name}، {when}</translation>
    </message>
    <message>
      <source>approved by {name}, {when}</source>
      <translation>وافق عليه {name}، {when}</translation>
    </message>
    <message>
      <source>paid out by {name}, {when}, receipt &lt;b&gt;{receipt}&lt;/b&gt;</source>
      <translation>صرفه {name}، {when}، الإيصال &lt;b&gt;{receipt}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>paid out by {name}, {when}</source>
      <translation>صرفه {name}، {when}</translation>
    </message>
    <message>
      <source>rejected by {name}, {when}: {reason}</source>
      <translation>رفضه {name}، {when}: {reason}</translation>
    </message>
    <message>
      <source>Refund of {amount} requested for {name}; it now waits for approval.</source>
      <translation>طُلب استرداد {amount} لـ {name}؛ وهو الآن بانتظار الموافقة.</translation>
    </message>
    <message>
      <source>Refund of {amount} for {name} approved.</source>
      <translation>تمت الموافقة على استرداد {amount} لـ {name}.</translation>
    </message>
    <message>
      <source>Refund of {amount} for {name} rejected.</source>
      <translation>رُفض استرداد {amount} لـ {name}.</translation>
    </message>
    <message>
      <source>Hand the patient the cash</source>
      <translation>سلّم المريض المبلغ نقدًا</translation>
    </message>
    <message>
      <source>Refund it to the patient's card on the terminal</source>
      <translation>أعد المبلغ إلى بطاقة المريض عبر جهاز الدفع</translation>
    </message>
    <message>
      <source>It is booked as a bank transfer to make</source>
      <translation>يُسجَّل كتحويل بنكي يجب تنفيذه</translation>
    </message>
    <message>
      <source>It is added to the patient's deposit</source>
      <translation>يُضاف المبلغ إلى وديعة المريض</translation>
    </message>
    <message>
      <source>Process refund</source>
      <translation>تنفيذ الاسترداد</translation>
    </message>
    <message>
      <source>Pay back {amount} to {name} ({method})?

{how}. This reverses the ledger and cannot be undone.</source>
      <translation>هل تريد رد {amount} إلى {name} ({method})؟

{how}. يعكس هذا القيد في دفتر الأستاذ ولا يمكن التراجع عنه.</translation>
    </message>
    <message>
      <source>Refund {receipt} processed: {amount} to {name} ({method}).</source>
      <translation>تم صرف الاسترداد {receipt}: {amount} إلى {name} ({method}).</translation>
    </message>
    <message>
      <source>Delete refund request</source>
      <translation>حذف طلب الاسترداد</translation>
    </message>
    <message>
      <source>Delete the pending request to refund {amount} to {name}? The audit log keeps a record of it.</source>
      <translation>هل تريد حذف الطلب المعلّق لاسترداد {amount} إلى {name}؟ يحتفظ سجل التدقيق بقيد عنه.</translation>
    </message>
    <message>
      <source>Refund request for {name} deleted.</source>
      <translation>حُذف طلب الاسترداد لـ {name}.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <source>Preparing the refund receipt…</source>
      <translation>جارٍ تجهيز إيصال الاسترداد…</translation>
    </message>
    <message>
      <source>Refund receipt saved to {path}.</source>
      <translation>حُفظ إيصال الاسترداد في {path}.</translation>
    </message>
    <message>
      <source>Could not save the receipt: {error}</source>
      <translation>تعذّر حفظ الإيصال: {error}</translation>
    </message>
    <message>
      <source>Reject refund</source>
      <translation>رفض الاسترداد</translation>
    </message>
    <message>
      <source>Why is the refund of {amount} for {name} rejected? The requester will see this reason.</source>
      <translation>لماذا رُفض استرداد {amount} لـ {name}؟ سيرى مقدّم الطلب هذا السبب.</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>رفض</translation>
    </message>
    <message>
      <source>Save refund receipt</source>
      <translation>حفظ إيصال الاسترداد</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>ملف PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Refunds</source>
      <translation>المبالغ المستردة</translation>
    </message>
  </context>
</TS>
