<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Unknown payer</source>
      <translation>جهة دافعة غير معروفة</translation>
    </message>
    <message>
      <source>0-30 days</source>
      <translation>0-30 يومًا</translation>
    </message>
    <message>
      <source>31-60 days</source>
      <translation>31-60 يومًا</translation>
    </message>
    <message>
      <source>61-90 days</source>
      <translation>61-90 يومًا</translation>
    </message>
    <message>
      <source>90+ days</source>
      <translation>أكثر من 90 يومًا</translation>
    </message>
    <message>
      <source>Copays collected</source>
      <translation>المبالغ المحصّلة من المرضى</translation>
    </message>
    <message>
      <source>Insurer payments</source>
      <translation>مدفوعات شركات التأمين</translation>
    </message>
    <message>
      <source>Refunds processed</source>
      <translation>المبالغ المستردة المنفّذة</translation>
    </message>
    <message>
      <source>Unknown appointment status {status}.</source>
      <comment>dashboard.unknown_appointment_status</comment>
      <translation>حالة موعد غير معروفة {status}.</translation>
    </message>
    <message>
      <source>{status} is not a status of an outstanding claim.</source>
      <comment>dashboard.not_status_outstanding_claim</comment>
      <translation>{status} ليست حالة لمطالبة معلّقة.</translation>
    </message>
    <message>
      <source>A revenue figure needs its series and its days.</source>
      <comment>dashboard.revenue_figure_needs_series</comment>
      <translation>يحتاج رقم الإيرادات إلى سلسلته وأيامه.</translation>
    </message>
    <message>
      <source>Today's appointments</source>
      <comment>dashboard.title_schedule</comment>
      <translation>مواعيد اليوم</translation>
    </message>
    <message>
      <source>Today's appointments: {status}</source>
      <comment>dashboard.title_schedule_status</comment>
      <translation>مواعيد اليوم: {status}</translation>
    </message>
    <message>
      <source>Outstanding claims</source>
      <comment>dashboard.title_claims</comment>
      <translation>المطالبات المعلّقة</translation>
    </message>
    <message>
      <source>Outstanding claims: {parts}</source>
      <comment>dashboard.title_claims_of</comment>
      <translation>المطالبات المعلّقة: {parts}</translation>
    </message>
    <message>
      <source>{series}, {day}</source>
      <comment>dashboard.title_series_day</comment>
      <translation>{series}، {day}</translation>
    </message>
    <message>
      <source>{series}, {day} to {last}</source>
      <comment>dashboard.title_series_days</comment>
      <translation>{series}، من {day} إلى {last}</translation>
    </message>
    <message>
      <source>The last day of the range is before its first day.</source>
      <comment>dashboard.last_day_range_before</comment>
      <translation>اليوم الأخير من النطاق يسبق يومه الأول.</translation>
    </message>
    <message>
      <source>Choose at most {days} days for the revenue chart.</source>
      <comment>dashboard.choose_most_days_revenue</comment>
      <translation>اختر {days} يومًا كحد أقصى لمخطط الإيرادات.</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>القسم</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>الطبيب</translation>
    </message>
    <message>
      <source>MRN</source>
      <translation>MRN</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>رقم الدور</translation>
    </message>
    <message>
      <source>Copay</source>
      <translation>المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Age (days)</source>
      <translation>العمر (بالأيام)</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>المطالبة</translation>
    </message>
    <message>
      <source>Date of service</source>
      <translation>تاريخ الخدمة</translation>
    </message>
    <message>
      <source>Payer</source>
      <translation>الجهة الدافعة</translation>
    </message>
    <message>
      <source>Billed</source>
      <translation>المبلغ المطالب به</translation>
    </message>
    <message>
      <source>Expected</source>
      <translation>المتوقع</translation>
    </message>
    <message>
      <source>Rejection reason</source>
      <translation>سبب الرفض</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>Collected</source>
      <translation>تاريخ التحصيل</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Receipt</source>
      <translation>الإيصال</translation>
    </message>
    <message>
      <source>Carrier</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>الشيك</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>تاريخ الاستلام</translation>
    </message>
    <message>
      <source>Paid by receipt</source>
      <translation>مدفوع بالإيصال</translation>
    </message>
    <message>
      <source>Processed</source>
      <translation>تاريخ التنفيذ</translation>
    </message>
    <message>
      <source>Refund receipt</source>
      <translation>إيصال الاسترداد</translation>
    </message>
    <message>
      <source>A page holds 1 to {limit} rows.</source>
      <comment>dashboard.page_holds_rows</comment>
      <translation>تتسع الصفحة من 1 إلى {limit} صف.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist. Choose another folder for the export.</source>
      <comment>dashboard.folder_does_not_exist</comment>
      <translation>المجلد {folder} غير موجود. اختر مجلدًا آخر للتصدير.</translation>
    </message>
    <message>
      <source>{target} is a folder; give the export a file name.</source>
      <comment>dashboard.folder_give_export_file</comment>
      <translation>{target} مجلد؛ أعطِ ملف التصدير اسمًا.</translation>
    </message>
    <message>
      <source>Could not save {name}: {error}. If the file is open in another program, close it and export again.</source>
      <comment>dashboard.could_not_save_if</comment>
      <translation>تعذّر حفظ {name}: {error}. إذا كان الملف مفتوحًا في برنامج آخر، فأغلقه وصدّر مرة أخرى.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>dashboard.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>Could not write to {folder}: {error}. Choose another folder for the export.</source>
      <comment>dashboard.could_not_write_choose</comment>
      <translation>تعذّرت الكتابة في {folder}: {error}. اختر مجلدًا آخر للتصدير.</translation>
    </message>
  </context>
</TS>
