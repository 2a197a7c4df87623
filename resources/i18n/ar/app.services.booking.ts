<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>There is no active doctor {doctor_id} in that department.</source>
      <extracomment>no_active_doctor_department</extracomment>
      <translation>لا يوجد طبيب نشط رقم {doctor_id} في ذلك القسم.</translation>
    </message>
    <message>
      <source>This hospital has no emergency department. An administrator marks one as the emergency department.</source>
      <extracomment>hospital_no_emergency_department</extracomment>
      <translation>لا يوجد في هذا المستشفى قسم طوارئ. يحدد المسؤول أحد الأقسام كقسم طوارئ.</translation>
    </message>
    <message>
      <source>move the appointment</source>
      <extracomment>what_move</extracomment>
      <translation>نقل الموعد</translation>
    </message>
    <message>
      <source>cancel the appointment</source>
      <extracomment>what_cancel</extracomment>
      <translation>إلغاء الموعد</translation>
    </message>
    <message>
      <source>Marked Broken in OpenDental.</source>
      <extracomment>od_marked_broken</extracomment>
      <translation>تم وضع علامة Broken عليه في OpenDental.</translation>
    </message>
    <message>
      <source>There is no department {department_id} at this hospital.</source>
      <extracomment>no_department_hospital</extracomment>
      <translation>لا يوجد قسم رقم {department_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Choose a time slot from the list (a time with its time zone).</source>
      <extracomment>choose_time_slot_list</extracomment>
      <translation>اختر موعدًا من القائمة (وقتًا مع منطقته الزمنية).</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <extracomment>no_patient_hospital</extracomment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} ({mrn}) is marked inactive.</source>
      <extracomment>marked_inactive</extracomment>
      <translation>{full_name} ({mrn}) مسجّل كغير نشط.</translation>
    </message>
    <message>
      <source>There is no doctor {doctor_id} at this hospital.</source>
      <extracomment>no_doctor_hospital</extracomment>
      <translation>لا يوجد طبيب رقم {doctor_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>{full_name} is not taking appointments (inactive).</source>
      <extracomment>not_taking_appointments_inactive</extracomment>
      <translation>{full_name} لا يستقبل مواعيد (غير نشط).</translation>
    </message>
    <message>
      <source>{local} is not one of {full_name}'s slots. Choose a time from the list.</source>
      <extracomment>not_one_slots_choose</extracomment>
      <translation>{local} ليس من مواعيد {full_name} المتاحة. اختر وقتًا من القائمة.</translation>
    </message>
    <message>
      <source>The {label} slot is past or starts within {minutes} minutes; choose a later one.</source>
      <extracomment>slot_past_starts_within</extracomment>
      <translation>الموعد {label} انقضى أو يبدأ خلال {minutes} دقيقة؛ اختر موعدًا لاحقًا.</translation>
    </message>
    <message>
      <source>{full_name}'s {label} slot on {day} was just booked by another desk. Choose another slot.</source>
      <extracomment>slot_just_booked_another</extracomment>
      <translation>حُجز موعد {full_name} في {label} يوم {day} للتو من مكتب آخر. اختر موعدًا آخر.</translation>
    </message>
    <message>
      <source>{full_name} already has an appointment at that time (appointment {id}).</source>
      <extracomment>already_appointment_time_appointment</extracomment>
      <translation>لدى {full_name} موعد بالفعل في ذلك الوقت (الموعد {id}).</translation>
    </message>
    <message>
      <source>OpenDental is not set up on this workstation; the booking was not made.</source>
      <extracomment>opendental_not_set_up</extracomment>
      <translation>OpenDental غير مُعدّ على محطة العمل هذه؛ لم يتم الحجز.</translation>
    </message>
    <message>
      <source>OpenDental could not {what}: {error} Nothing was changed in ClinicDesk.</source>
      <extracomment>od_could_not</extracomment>
      <translation>تعذّر على OpenDental {what}: {error} لم يتغير شيء في ClinicDesk.</translation>
    </message>
    <message>
      <source>book the appointment</source>
      <extracomment>what_book</extracomment>
      <translation>حجز الموعد</translation>
    </message>
    <message>
      <source>Also booked in OpenDental (AptNum {apt_num}).</source>
      <extracomment>od_also_booked</extracomment>
      <translation>تم الحجز أيضًا في OpenDental (AptNum {apt_num}).</translation>
    </message>
    <message>
      <source>Also moved in OpenDental (AptNum {apt_num}).</source>
      <extracomment>od_also_moved</extracomment>
      <translation>تم النقل أيضًا في OpenDental (AptNum {apt_num}).</translation>
    </message>
    <message>
      <source>The {label} slot was just booked by another desk. Choose another slot.</source>
      <extracomment>slot_just_booked_another_2</extracomment>
      <translation>حُجز الموعد {label} للتو من مكتب آخر. اختر موعدًا آخر.</translation>
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <extracomment>no_appointment_hospital</extracomment>
      <translation>لا يوجد موعد رقم {appointment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Appointment {appointment_id} is {status}; only a booking that is not checked in can be moved or cancelled.</source>
      <extracomment>appointment_booking_not_checked</extracomment>
      <translation>حالة الموعد {appointment_id} هي {status}؛ لا يمكن نقل أو إلغاء إلا الحجز الذي لم يُسجَّل وصوله بعد.</translation>
    </message>
    <message>
      <source>This hospital no longer exists.</source>
      <extracomment>hospital_no_longer_exists</extracomment>
      <translation>هذا المستشفى لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
