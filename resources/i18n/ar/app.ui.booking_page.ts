<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Consultation (new)</source>
      <translation>استشارة (جديدة)</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>طوارئ</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>متابعة</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>مؤكد</translation>
    </message>
    <message>
      <source>scheduled</source>
      <translation>مجدول</translation>
    </message>
    <message>
      <source>checked in</source>
      <translation>تم تسجيل الوصول</translation>
    </message>
    <message>
      <source>in consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>no-show</source>
      <translation>لم يحضر</translation>
    </message>
    <message>
      <source>cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>credit card</source>
      <translation>ببطاقة ائتمان</translation>
    </message>
    <message>
      <source>bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>deposit credit</source>
      <translation>رصيد في الوديعة</translation>
    </message>
    <message>
      <source>{doctor}
(not working)</source>
      <translation>{doctor}
(لا يعمل)</translation>
    </message>
    <message>
      <source>{doctor}, {day} {time}</source>
      <translation>{doctor}، {day} {time}</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>الحجز</translation>
    </message>
    <message>
      <source>Find the patient, choose a slot and book. Times are the hospital's (Asia/Dubai); today's slots within 15 minutes are not offered.</source>
      <translation>ابحث عن المريض واختر موعدًا ثم احجز. الأوقات بتوقيت المستشفى (Asia/Dubai)؛ ولا تُعرض مواعيد اليوم التي تبدأ خلال 15 دقيقة.</translation>
    </message>
    <message>
      <source>Name, MRN or Emirates ID, then Enter</source>
      <translation>الاسم أو رقم الملف الطبي أو الهوية الإماراتية، ثم Enter</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>No patient chosen.</source>
      <translation>لم يتم اختيار مريض.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>&amp;Move to the chosen slot</source>
      <translation>نقل إلى الموعد المختار (&amp;M)</translation>
    </message>
    <message>
      <source>Cance&amp;l booking…</source>
      <translation>إلغاء الحجز… (&amp;L)</translation>
    </message>
    <message>
      <source>Upcoming bookings</source>
      <translation>الحجوزات القادمة</translation>
    </message>
    <message>
      <source>&amp;Department</source>
      <translation>القسم (&amp;D)</translation>
    </message>
    <message>
      <source>Do&amp;ctor</source>
      <translation>الطبيب (&amp;C)</translation>
    </message>
    <message>
      <source>Da&amp;te</source>
      <translation>التاريخ (&amp;T)</translation>
    </message>
    <message>
      <source>D&amp;ay</source>
      <translation>اليوم (&amp;A)</translation>
    </message>
    <message>
      <source>De&amp;partment</source>
      <translation>القسم (&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Standard</source>
      <translation>عادي (&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Quick Book</source>
      <translation>حجز سريع (&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Emergency</source>
      <translation>الطوارئ (&amp;E)</translation>
    </message>
    <message>
      <source>Reason for the visit (optional)</source>
      <translation>سبب الزيارة (اختياري)</translation>
    </message>
    <message>
      <source>Book (Ctrl+Enter)</source>
      <translation>حجز (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>الزيارة</translation>
    </message>
    <message>
      <source>{doctor} does not work on {weekday}s.</source>
      <translation>لا يعمل {doctor} يوم {weekday}.</translation>
    </message>
    <message>
      <source>No free slot left for {doctor} on {day}.</source>
      <translation>لم يبقَ موعد متاح لدى {doctor} يوم {day}.</translation>
    </message>
    <message>
      <source>{count} free slots for {doctor} on {day}.</source>
      <translation>المواعيد المتاحة لدى {doctor} يوم {day}: {count}.</translation>
    </message>
    <message>
      <source>{department}, {day}: {count} free slots across {doctors} doctors.</source>
      <translation>{department}، {day}: المواعيد المتاحة {count} لدى الأطباء ({doctors}).</translation>
    </message>
    <message>
      <source>&lt;b&gt;{department}&lt;/b&gt; — today, {day}: {count} free slots.</source>
      <translation>&lt;b&gt;{department}&lt;/b&gt; — اليوم، {day}: المواعيد المتاحة {count}.</translation>
    </message>
    <message>
      <source>Type at least two characters of a name, an MRN or an Emirates ID.</source>
      <translation>اكتب حرفين على الأقل من الاسم أو رقم الملف الطبي أو الهوية الإماراتية.</translation>
    </message>
    <message>
      <source>born {date}</source>
      <translation>تاريخ الميلاد {date}</translation>
    </message>
    <message>
      <source>EID {number}</source>
      <translation>الهوية الإماراتية {number}</translation>
    </message>
    <message>
      <source>No patient matches. Register new patients on the Walk-in page.</source>
      <translation>لا يوجد مريض مطابق. سجّل المرضى الجدد في صفحة الزيارات دون موعد.</translation>
    </message>
    <message>
      <source>{when} — {doctor} ({department}), {status}</source>
      <translation>{when} — {doctor} ({department})، {status}</translation>
    </message>
    <message>
      <source>No upcoming bookings.</source>
      <translation>لا توجد حجوزات قادمة.</translation>
    </message>
    <message>
      <source>Find and choose the patient first.</source>
      <translation>ابحث عن المريض واختره أولًا.</translation>
    </message>
    <message>
      <source>Choose a time slot.</source>
      <translation>اختر موعدًا.</translation>
    </message>
    <message>
      <source>Booked {patient} with {doctor} on {day} at {time}. The token is given at check-in.</source>
      <translation>تم حجز موعد {patient} مع {doctor} يوم {day} الساعة {time}. يُعطى رقم الدور عند تسجيل الوصول.</translation>
    </message>
    <message>
      <source>Choose the booking to move and the new slot.</source>
      <translation>اختر الحجز المراد نقله والموعد الجديد.</translation>
    </message>
    <message>
      <source>Moved to {when} with {doctor}.</source>
      <translation>نُقل إلى {when} مع {doctor}.</translation>
    </message>
    <message>
      <source>Cancel booking</source>
      <translation>إلغاء الحجز</translation>
    </message>
    <message>
      <source>Cancel {patient}'s booking of {when} with {doctor}.

Reason:</source>
      <translation>إلغاء حجز {patient} في {when} مع {doctor}.

السبب:</translation>
    </message>
    <message>
      <source>Request a refund?</source>
      <translation>طلب استرداد؟</translation>
    </message>
    <message>
      <source>The copay of {paid} (receipt {receipt}) was collected for this appointment.

Request a refund of {amount} ({method})? An accountant or administrator approves it on the Refunds page.</source>
      <translation>حُصّلت نسبة التحمل {paid} (الإيصال {receipt}) لهذا الموعد.

هل تريد طلب استرداد {amount} ({method})؟ يوافق عليه محاسب أو مسؤول في صفحة المبالغ المستردة.</translation>
    </message>
    <message>
      <source>Request refund</source>
      <translation>طلب الاسترداد</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>ليس الآن</translation>
    </message>
    <message>
      <source>Booking cancelled; the slot is free again.</source>
      <translation>أُلغي الحجز؛ أصبح الموعد متاحًا مجددًا.</translation>
    </message>
    <message>
      <source>Booking cancelled and a refund of {amount} requested (pending approval on the Refunds page).</source>
      <translation>أُلغي الحجز وطُلب استرداد {amount} (بانتظار الموافقة في صفحة المبالغ المستردة).</translation>
    </message>
    <message>
      <source>{text} {opendental}</source>
      <translation>{text} {opendental}</translation>
    </message>
  </context>
</TS>
