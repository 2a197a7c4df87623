<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>credit card</source>
      <translation>ببطاقة ائتمان</translation>
    </message>
    <message>
      <source>debit card</source>
      <translation>ببطاقة خصم مباشر</translation>
    </message>
    <message>
      <source>deposit</source>
      <translation>من الوديعة</translation>
    </message>
    <message>
      <source>card</source>
      <translation>بطاقة</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>تمت الموافقة</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>معلّق</translation>
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
      <source>Appointment cancelled</source>
      <translation>إلغاء الموعد</translation>
    </message>
    <message>
      <source>Doctor waived</source>
      <translation>إعفاء من الطبيب</translation>
    </message>
    <message>
      <source>Insurance updated</source>
      <translation>تحديث التأمين</translation>
    </message>
    <message>
      <source>Overcharge</source>
      <translation>مبلغ زائد</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>أخرى</translation>
    </message>
    <message>
      <source>Back to card</source>
      <translation>إلى البطاقة</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>Patient deposit credit</source>
      <translation>رصيد في وديعة المريض</translation>
    </message>
    <message>
      <source>{reason}: {details}</source>
      <translation>{reason}: {details}</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>تاريخ الطلب</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Original payment</source>
      <translation>الدفعة الأصلية</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>النتيجة</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Requested by {name}</source>
      <translation>طلبه {name}</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>غير معروف</translation>
    </message>
    <message>
      <source>Receipt {receipt}: {amount} paid by {method} on {day}; {refunded} refunded so far</source>
      <translation>الإيصال {receipt}: دُفع {amount} {method} بتاريخ {day}؛ المسترد حتى الآن {refunded}</translation>
    </message>
    <message>
      <source>{amount} {method}</source>
      <translation>{amount} {method}</translation>
    </message>
    <message>
      <source>Rejected by {name}: {reason}</source>
      <translation>رفضه {name}: {reason}</translation>
    </message>
    <message>
      <source>{receipt} · paid out by {name}</source>
      <translation>{receipt} · صرفه {name}</translation>
    </message>
    <message>
      <source>Paid out by {name}</source>
      <translation>صرفه {name}</translation>
    </message>
    <message>
      <source>Approved by {name}; waiting to be paid out</source>
      <translation>وافق عليه {name}؛ بانتظار الصرف</translation>
    </message>
    <message>
      <source>Waiting for approval</source>
      <translation>بانتظار الموافقة</translation>
    </message>
    <message>
      <source>MRN</source>
      <translation>رقم الملف الطبي</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>الطريقة</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>المدفوع</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>تاريخ الدفع</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>الإيصال</translation>
    </message>
    <message>
      <source>Refundable</source>
      <translation>القابل للاسترداد</translation>
    </message>
    <message>
      <source>Refunded</source>
      <translation>المسترد</translation>
    </message>
    <message>
      <source>Paid by {method}, insurer {insurer}</source>
      <translation>دُفع {method}، شركة التأمين {insurer}</translation>
    </message>
    <message>
      <source>Paid by {method}, self-pay</source>
      <translation>دُفع {method}، دفع ذاتي</translation>
    </message>
  </context>
</TS>
