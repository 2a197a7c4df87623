<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Custom</source>
      <translation>مخصص</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>آخر 30 يوماً</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>هذا الشهر</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>هذه السنة</translation>
    </message>
    <message>
      <source>0-30 days</source>
      <translation>0-30 يوماً</translation>
    </message>
    <message>
      <source>31-60 days</source>
      <translation>31-60 يوماً</translation>
    </message>
    <message>
      <source>61-90 days</source>
      <translation>61-90 يوماً</translation>
    </message>
    <message>
      <source>90+ days</source>
      <translation>أكثر من 90 يوماً</translation>
    </message>
    <message>
      <source>Copays collected</source>
      <translation>نسب التحمل المحصّلة</translation>
    </message>
    <message>
      <source>Insurer payments</source>
      <translation>مدفوعات شركات التأمين</translation>
    </message>
    <message>
      <source>Refunds processed</source>
      <translation>الاستردادات المنفّذة</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>تم تسجيل الوصول</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>Scheduled</source>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>In consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>No show</source>
      <translation>لم يحضر</translation>
    </message>
    <message>
      <source>Not submitted</source>
      <translation>غير مُرسلة</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>مُرسلة</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>موافق عليها</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>مدفوعة</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>مرفوضة</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>معلّقة</translation>
    </message>
    <message>
      <source>Posted</source>
      <translation>مُرحّلة</translation>
    </message>
    <message>
      <source>Reversed</source>
      <translation>معكوسة</translation>
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
      <source>Processed</source>
      <translation>منفّذ</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>Debit card</source>
      <translation>بطاقة خصم مباشر</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>وديعة</translation>
    </message>
    <message>
      <source>Deposit credit</source>
      <translation>رصيد في الوديعة</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>التأمين</translation>
    </message>
    <message>
      <source>{value} {caption}, {detail}. Click for the rows.</source>
      <translation>{value} {caption}، {detail}. انقر لعرض الصفوف.</translation>
    </message>
    <message>
      <source>{value} {caption}. Click for the rows.</source>
      <translation>{value} {caption}. انقر لعرض الصفوف.</translation>
    </message>
    <message>
      <source>Export the rows</source>
      <translation>تصدير الصفوف</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>لوحة المعلومات</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>جارٍ التحميل…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>appointments</source>
      <translation>موعداً</translation>
    </message>
    <message>
      <source>outstanding claims</source>
      <translation>مطالبة مستحقة</translation>
    </message>
    <message>
      <source>claims 90+ days</source>
      <translation>مطالبة عمرها أكثر من 90 يوماً</translation>
    </message>
    <message>
      <source>copays</source>
      <translation>نسب التحمل</translation>
    </message>
    <message>
      <source>insurer payments</source>
      <translation>مدفوعات شركات التأمين</translation>
    </message>
    <message>
      <source>refunds</source>
      <translation>الاستردادات</translation>
    </message>
    <message>
      <source>Today's schedule by status</source>
      <translation>مواعيد اليوم حسب الحالة</translation>
    </message>
    <message>
      <source>Outstanding claims by age (AED)</source>
      <translation>المطالبات المستحقة حسب العمر (درهم)</translation>
    </message>
    <message>
      <source>by payer</source>
      <translation>حسب الجهة الدافعة</translation>
    </message>
    <message>
      <source>by status</source>
      <translation>حسب الحالة</translation>
    </message>
    <message>
      <source>Stack outstanding claims</source>
      <translation>تجميع المطالبات المستحقة</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>الإجمالي</translation>
    </message>
    <message>
      <source>{days} d</source>
      <translation>{days} يوم</translation>
    </message>
    <message>
      <source>Click a figure for its claims</source>
      <translation>انقر على رقم لعرض مطالباته</translation>
    </message>
    <message>
      <source>Revenue per day (AED)</source>
      <translation>الإيرادات اليومية (درهم)</translation>
    </message>
    <message>
      <source>Revenue range</source>
      <translation>فترة الإيرادات</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>اليوم الأول</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>اليوم الأخير</translation>
    </message>
    <message>
      <source>Stack</source>
      <translation>التجميع</translation>
    </message>
    <message>
      <source>Range</source>
      <translation>الفترة</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>{outstanding} (count, AED)</source>
      <translation>{outstanding} (العدد، درهم)</translation>
    </message>
    <message>
      <source>Outstanding claims</source>
      <translation>المطالبات المستحقة</translation>
    </message>
    <message>
      <source>{day} · read at {time} ({zone})</source>
      <translation>{day} · قُرئت في {time} ({zone})</translation>
    </message>
    <message>
      <source>today</source>
      <translation>اليوم</translation>
    </message>
    <message>
      <source>No appointments today.</source>
      <translation>لا توجد مواعيد اليوم.</translation>
    </message>
    <message>
      <source>Appointments</source>
      <translation>المواعيد</translation>
    </message>
    <message>
      <source>{count} appointments</source>
      <translation>{count} موعد</translation>
    </message>
    <message>
      <source>{count} claims, {amount}</source>
      <translation>{count} مطالبة، {amount}</translation>
    </message>
    <message>
      <source>No outstanding claims.</source>
      <translation>لا توجد مطالبات مستحقة.</translation>
    </message>
    <message>
      <source>{series} (below 0)</source>
      <translation>{series} (تحت الصفر)</translation>
    </message>
    <message>
      <source>No money in or out on these days.</source>
      <translation>لا توجد مبالغ واردة أو صادرة في هذه الأيام.</translation>
    </message>
    <message>
      <source>{start} – {end}</source>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <source>Revenue per day (AED) · net {amount}</source>
      <translation>الإيرادات اليومية (درهم) · الصافي {amount}</translation>
    </message>
    <message>
      <source>{weekday} {date}</source>
      <translation>{weekday} {date}</translation>
    </message>
    <message>
      <source>Load {count} more</source>
      <translation>تحميل {count} أخرى</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>تصدير CSV…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source>No rows.</source>
      <translation>لا توجد صفوف.</translation>
    </message>
    <message>
      <source>{count} rows shown; more to load</source>
      <translation>عُرض {count} صف؛ يوجد المزيد للتحميل</translation>
    </message>
    <message>
      <source>{count} rows</source>
      <translation>{count} صف</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>جارٍ التصدير…</translation>
    </message>
    <message>
      <source>Saved {rows} rows (the first {limit}) to {file}.</source>
      <translation>حُفظ {rows} صفاً (أول {limit}) في {file}.</translation>
    </message>
    <message>
      <source>Saved {rows} rows to {file}.</source>
      <translation>حُفظ {rows} صفاً في {file}.</translation>
    </message>
  </context>
</TS>
