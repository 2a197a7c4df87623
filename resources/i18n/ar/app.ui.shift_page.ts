<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Amount</source>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Tender</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Cashier</source>
      <translation>أمين الصندوق</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>أُغلقت</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>فُتحت</translation>
    </message>
    <message>
      <source>Shift</source>
      <translation>الوردية</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>محطة العمل</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>المبلغ المعدود</translation>
    </message>
    <message>
      <source>Difference</source>
      <translation>الفرق</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>المتوقع</translation>
    </message>
    <message>
      <source>Float</source>
      <translation>الرصيد الافتتاحي</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>بطاقة</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقداً</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>وديعة</translation>
    </message>
    <message>
      <source>Bank Transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>Balanced</source>
      <translation>متوازن</translation>
    </message>
    <message>
      <source>Short by {amount}</source>
      <translation>عجز بمقدار {amount}</translation>
    </message>
    <message>
      <source>Over by {amount}</source>
      <translation>زيادة بمقدار {amount}</translation>
    </message>
    <message>
      <source>AED {value} notes</source>
      <translation>أوراق نقدية فئة {value} درهم</translation>
    </message>
    <message>
      <source>AED {value} coins</source>
      <translation>عملات معدنية فئة {value} درهم</translation>
    </message>
    <message>
      <source>Open a cash shift</source>
      <translation>فتح وردية نقدية</translation>
    </message>
    <message>
      <source>e.g. 500.00</source>
      <translation>مثال: 500.00</translation>
    </message>
    <message>
      <source>Count the float by denomination (optional)</source>
      <translation>عدّ الرصيد الافتتاحي حسب الفئة (اختياري)</translation>
    </message>
    <message>
      <source>Handover: {name} closed this workstation's last shift at {when} with {amount} counted; that is proposed as your float.</source>
      <translation>التسليم: أغلق {name} آخر وردية على محطة العمل هذه في {when} بمبلغ معدود قدره {amount}؛ وهو مقترح كرصيدك الافتتاحي.</translation>
    </message>
    <message>
      <source>Opening float (AED)</source>
      <translation>الرصيد الافتتاحي (درهم)</translation>
    </message>
    <message>
      <source>Open shift</source>
      <translation>فتح الوردية</translation>
    </message>
    <message>
      <source>Notes and coins: {amount}</source>
      <translation>الأوراق والعملات المعدنية: {amount}</translation>
    </message>
    <message>
      <source>Close the cash shift</source>
      <translation>إغلاق وردية النقدية</translation>
    </message>
    <message>
      <source>Expected in the drawer: &lt;b&gt;{amount}&lt;/b&gt;</source>
      <translation>المتوقع في الدرج: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Why the count differs (required if it does)</source>
      <translation>سبب اختلاف المبلغ المعدود (إلزامي عند وجود فرق)</translation>
    </message>
    <message>
      <source>Supervisor approval (difference over {amount})</source>
      <translation>موافقة المشرف (الفرق يتجاوز {amount})</translation>
    </message>
    <message>
      <source>Accountant or administrator username</source>
      <translation>اسم مستخدم المحاسب أو المسؤول</translation>
    </message>
    <message>
      <source>Their password</source>
      <translation>كلمة المرور الخاصة به</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Close shift</source>
      <translation>إغلاق الوردية</translation>
    </message>
    <message>
      <source>Count the drawer</source>
      <translation>عدّ محتوى الدرج</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Counted: &lt;b&gt;{amount}&lt;/b&gt;</source>
      <translation>المبلغ المعدود: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Petty payout</source>
      <translation>مصروف نثري</translation>
    </message>
    <message>
      <source>e.g. 25.00</source>
      <translation>مثال: 25.00</translation>
    </message>
    <message>
      <source>What it paid for (courier, stationery…)</source>
      <translation>الغرض من الصرف (مندوب توصيل، قرطاسية…)</translation>
    </message>
    <message>
      <source>Amount (AED)</source>
      <translation>المبلغ (درهم)</translation>
    </message>
    <message>
      <source>Pay out</source>
      <translation>صرف</translation>
    </message>
    <message>
      <source>Open a shift first</source>
      <translation>افتح وردية أولاً</translation>
    </message>
    <message>
      <source>Open a shift…</source>
      <translation>فتح وردية…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Cash drawer&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;درج النقدية&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Your drawer on this workstation: every cash copay, cash refund, cash deposit top-up and petty payout lands in the open shift, and card and deposit payments are counted by tender. Close with a count; print the Z report.</source>
      <translation>درجك على محطة العمل هذه: كل مبلغ نقدي يُحصّل من نسبة التحمل، وكل استرداد نقدي، وكل تعبئة نقدية للوديعة، وكل مصروف نثري يُسجَّل في الوردية المفتوحة، وتُحتسب مدفوعات البطاقة والوديعة حسب طريقة الدفع. أغلق الوردية بعدّ المبلغ، واطبع تقرير Z.</translation>
    </message>
    <message>
      <source>Open shift…</source>
      <translation>فتح الوردية…</translation>
    </message>
    <message>
      <source>Petty payout…</source>
      <translation>مصروف نثري…</translation>
    </message>
    <message>
      <source>Close shift…</source>
      <translation>إغلاق الوردية…</translation>
    </message>
    <message>
      <source>80 mm roll</source>
      <translation>لفافة 80 مم</translation>
    </message>
    <message>
      <source>Print Z report</source>
      <translation>طباعة تقرير Z</translation>
    </message>
    <message>
      <source>Save Z report PDF…</source>
      <translation>حفظ تقرير Z بصيغة PDF…</translation>
    </message>
    <message>
      <source>Print end-of-day summary</source>
      <translation>طباعة ملخص نهاية اليوم</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>الورق</translation>
    </message>
    <message>
      <source>&lt;b&gt;Movements of this shift&lt;/b&gt;</source>
      <translation>&lt;b&gt;حركات هذه الوردية&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Shifts&lt;/b&gt; (select one for its Z report)</source>
      <translation>&lt;b&gt;الورديات&lt;/b&gt; (اختر وردية لطباعة تقرير Z الخاص بها)</translation>
    </message>
    <message>
      <source>No shift is open for you on this workstation. Open one to take or pay out cash.</source>
      <translation>لا توجد لك وردية مفتوحة على محطة العمل هذه. افتح وردية لتحصيل النقد أو صرفه.</translation>
    </message>
    <message>
      <source>Shift {number} of {name} on {workstation}, open since {when} · opening float {amount}</source>
      <translation>الوردية {number} لـ {name} على {workstation}، مفتوحة منذ {when} · الرصيد الافتتاحي {amount}</translation>
    </message>
    <message>
      <source>{summary} · handed over from {number}</source>
      <translation>{summary} · مُسلَّمة من {number}</translation>
    </message>
    <message>
      <source>Expected cash in the drawer: {amount}</source>
      <translation>النقد المتوقع في الدرج: {amount}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Net by tender this shift&lt;/b&gt;</source>
      <translation>&lt;b&gt;الصافي حسب طريقة الدفع في هذه الوردية&lt;/b&gt;</translation>
    </message>
    <message>
      <source>open</source>
      <translation>مفتوحة</translation>
    </message>
    <message>
      <source>Shift {number} is open.</source>
      <translation>الوردية {number} مفتوحة.</translation>
    </message>
    <message>
      <source>Paid out; the drawer should now hold {amount}.</source>
      <translation>تم الصرف؛ يجب أن يحتوي الدرج الآن على {amount}.</translation>
    </message>
    <message>
      <source>Shift {number} closed: counted {amount}, {difference}. Print its Z report.</source>
      <translation>أُغلقت الوردية {number}: المبلغ المعدود {amount}، {difference}. اطبع تقرير Z الخاص بها.</translation>
    </message>
    <message>
      <source>{number} (DUPLICATE)</source>
      <translation>{number} (نسخة مكررة)</translation>
    </message>
    <message>
      <source>Saved {report} to {path}.</source>
      <translation>تم حفظ {report} في {path}.</translation>
    </message>
    <message>
      <source>Preparing the report…</source>
      <translation>جارٍ إعداد التقرير…</translation>
    </message>
    <message>
      <source>{report} sent to the printer '{printer}'.</source>
      <translation>أُرسل {report} إلى الطابعة '{printer}'.</translation>
    </message>
    <message>
      <source>Printing cancelled.</source>
      <translation>تم إلغاء الطباعة.</translation>
    </message>
    <message>
      <source>Save report PDF</source>
      <translation>حفظ التقرير بصيغة PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Your cash drawer on this workstation (Cash drawer, Ctrl+Shift+4)</source>
      <translation>درج النقدية الخاص بك على محطة العمل هذه (درج النقدية، Ctrl+Shift+4)</translation>
    </message>
    <message>
      <source>No drawer open</source>
      <translation>لا يوجد درج مفتوح</translation>
    </message>
    <message>
      <source>Drawer open · {amount}</source>
      <translation>الدرج مفتوح · {amount}</translation>
    </message>
  </context>
</TS>
