<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>A4 (office printer)</source>
      <translation>A4 (طابعة المكتب)</translation>
    </message>
    <message>
      <source>80 mm roll (receipt printer)</source>
      <translation>لفافة 80 مم (طابعة الإيصالات)</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقداً</translation>
    </message>
    <message>
      <source>Credit card</source>
      <translation>بطاقة ائتمان</translation>
    </message>
    <message>
      <source>Debit card</source>
      <translation>بطاقة خصم مباشر</translation>
    </message>
    <message>
      <source>Patient deposit</source>
      <translation>وديعة المريض</translation>
    </message>
    <message>
      <source>Expected from insurer</source>
      <translation>المتوقع من شركة التأمين</translation>
    </message>
    <message>
      <source>Insurance pays</source>
      <translation>حصة شركة التأمين</translation>
    </message>
    <message>
      <source>Payment received</source>
      <translation>تم استلام الدفعة</translation>
    </message>
    <message>
      <source>Balance from earlier visits</source>
      <translation>الرصيد المستحق من الزيارات السابقة</translation>
    </message>
    <message>
      <source>Payment details</source>
      <translation>تفاصيل الدفع</translation>
    </message>
    <message>
      <source>Receipt number</source>
      <translation>رقم الإيصال</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>الزيارة</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>الرسوم</translation>
    </message>
    <message>
      <source>Amount paid</source>
      <translation>المبلغ المدفوع</translation>
    </message>
    <message>
      <source>Earlier balance</source>
      <translation>الرصيد السابق</translation>
    </message>
    <message>
      <source>Total paid</source>
      <translation>إجمالي المدفوع</translation>
    </message>
    <message>
      <source>VAT</source>
      <translation>ضريبة القيمة المضافة</translation>
    </message>
    <message>
      <source>Payment method</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>تاريخ الإصدار</translation>
    </message>
    <message>
      <source>Receipt layout</source>
      <translation>تنسيق الإيصال</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;طباعة…</translation>
    </message>
    <message>
      <source>&amp;Save PDF…</source>
      <translation>&amp;حفظ PDF…</translation>
    </message>
    <message>
      <source>&amp;Email…</source>
      <translation>إرسال بال&amp;بريد الإلكتروني…</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>التنسيق</translation>
    </message>
    <message>
      <source>Email status</source>
      <translation>حالة البريد الإلكتروني</translation>
    </message>
    <message>
      <source>{amount} included</source>
      <translation>{amount} مشمولة</translation>
    </message>
    <message>
      <source>{amount} included (VAT {rate}%)</source>
      <translation>{amount} مشمولة (ضريبة القيمة المضافة {rate}%)</translation>
    </message>
    <message>
      <source>{amount} (no VAT on this service)</source>
      <translation>{amount} (لا تُفرض ضريبة القيمة المضافة على هذه الخدمة)</translation>
    </message>
    <message>
      <source>{insurer} (secondary): {amount}</source>
      <translation>{insurer} (ثانوي): {amount}</translation>
    </message>
    <message>
      <source>None — self-pay</source>
      <translation>لا يوجد — دفع ذاتي</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>التأمين</translation>
    </message>
    <message>
      <source>{when} by {name}</source>
      <translation>{when} بواسطة {name}</translation>
    </message>
    <message>
      <source>Balance from visit of {date}: {amount}</source>
      <translation>رصيد من زيارة {date}: {amount}</translation>
    </message>
    <message>
      <source>Copay for this visit</source>
      <translation>المبلغ المستحق لهذه الزيارة</translation>
    </message>
    <message>
      <source>Tendered {tendered} · change given {change}</source>
      <translation>المدفوع نقداً {tendered} · الباقي المُعاد {change}</translation>
    </message>
    <message>
      <source>Card ending {last4}</source>
      <translation>بطاقة تنتهي بـ {last4}</translation>
    </message>
    <message>
      <source>approval code {code}</source>
      <translation>رمز الموافقة {code}</translation>
    </message>
    <message>
      <source>Email is not set up on this system: an administrator enters the mail server under Settings (Ctrl+6) → Emailed receipts. Print the receipt or save the PDF instead.</source>
      <translation>البريد الإلكتروني غير مُعدّ على هذا النظام: يُدخل المسؤول خادم البريد من الإعدادات (Ctrl+6) ← الإيصالات المرسلة بالبريد. اطبع الإيصال أو احفظه بصيغة PDF بدلاً من ذلك.</translation>
    </message>
    <message>
      <source>Email the receipt PDF to the patient</source>
      <translation>إرسال الإيصال بصيغة PDF إلى المريض بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>Preparing the receipt for printing…</source>
      <translation>جارٍ تجهيز الإيصال للطباعة…</translation>
    </message>
    <message>
      <source>Receipt {number}</source>
      <translation>الإيصال {number}</translation>
    </message>
    <message>
      <source>Printing cancelled.</source>
      <translation>أُلغيت الطباعة.</translation>
    </message>
    <message>
      <source>Receipt sent to the printer '{printer}'.</source>
      <translation>أُرسل الإيصال إلى الطابعة '{printer}'.</translation>
    </message>
    <message>
      <source>Save receipt PDF</source>
      <translation>حفظ الإيصال بصيغة PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Saving the receipt…</source>
      <translation>جارٍ حفظ الإيصال…</translation>
    </message>
    <message>
      <source>Receipt saved to {path}.</source>
      <translation>حُفظ الإيصال في {path}.</translation>
    </message>
    <message>
      <source>Email receipt</source>
      <translation>إرسال الإيصال بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>Patient's email address:</source>
      <translation>البريد الإلكتروني للمريض:</translation>
    </message>
    <message>
      <source>Sending the receipt to {address}…</source>
      <translation>جارٍ إرسال الإيصال إلى {address}…</translation>
    </message>
    <message>
      <source>Receipt emailed to {address}.</source>
      <translation>أُرسل الإيصال بالبريد الإلكتروني إلى {address}.</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>الإيصال</translation>
    </message>
  </context>
</TS>
